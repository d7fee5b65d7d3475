import Foundation
import Testing
@testable import SpeakNodeReport

#if canImport(FoundationXML)
import FoundationXML
#endif

/// A property test: for random sets of deliveries, with redeliveries, deliveries of other
/// events and broken lines, in random order, every report counts the same tests as a simple
/// count made here from what was generated, and names every test.
@Suite("Hardening: counts agree across reports")
struct CountAgreementTests {
    enum Verdict: CaseIterable { case passed, failed, error, skipped }

    /// What was generated, counted the simple way.
    struct Expected {
        var tests: Set<String> = []
        var passed = 0, failed = 0, errors = 0, skipped = 0, flaky = 0, attempts = 0
        var redeliveries = 0, otherEvents = 0, brokenLines = 0
    }

    static func generate(seed: UInt64) -> (lines: [String], expected: Expected) {
        var random = SeededGenerator(seed: seed)
        var expected = Expected()
        var lines: [String] = []
        for run in 0..<Int.random(in: 1...3, using: &random) {
            for test in 0..<Int.random(in: 1...6, using: &random) {
                let testID = "t-\(run)-\(test)"
                expected.tests.insert(testID)
                let verdicts = (0..<Int.random(in: 1...3, using: &random)).map { _ in Verdict.allCases.randomElement(using: &random) ?? .passed }
                for (attempt, verdict) in verdicts.enumerated() {
                    let line = delivery(session: "\(testID)-\(attempt)", run: "run-\(run)", test: testID, minute: attempt, verdict: verdict)
                    lines.append(line)
                    if Int.random(in: 0..<4, using: &random) == 0 {
                        lines.append(line)
                        expected.redeliveries += 1
                    }
                }
                expected.attempts += verdicts.count
                switch verdicts.last ?? .passed {
                case .passed: expected.passed += 1
                case .failed: expected.failed += 1
                case .error: expected.errors += 1
                case .skipped: expected.skipped += 1
                }
                if Set(verdicts.filter { $0 != .skipped }).count > 1 { expected.flaky += 1 }
            }
        }
        for index in 0..<Int.random(in: 0...2, using: &random) {
            lines.append(#"{"event":"CallStarted","data":{"session_id":"other-\#(index)"}}"#)
            expected.otherEvents += 1
        }
        for _ in 0..<Int.random(in: 0...2, using: &random) {
            lines.append(#"{"event":"ConversationComplete","data":{"session_id":["#)
            expected.brokenLines += 1
        }
        lines.shuffle(using: &random)
        return (lines, expected)
    }

    static func delivery(session: String, run: String, test: String, minute: Int, verdict: Verdict) -> String {
        let result: String
        switch verdict {
        case .passed: result = #""test_status":"Completed","test_eval_result":{"success":true,"reasons":[]}"#
        case .failed: result = #""test_status":"Completed","test_eval_result":{"success":false,"reasons":["no"]}"#
        case .error: result = #""test_status":"Failed""#
        case .skipped: result = #""test_status":"Skipped""#
        }
        return #"{"event":"ConversationComplete","data":{"session_id":"\#(session)","test_run_id":"\#(run)","test_id":"\#(test)","start_time":"2026-11-25T10:0\#(minute):00Z","duration_seconds":1,\#(result)}}"#
    }

    @Test("every report agrees with a simple count of what was generated", arguments: 1...40)
    func countsAgree(seed: UInt64) throws {
        let (lines, expected) = Self.generate(seed: seed)
        let batch = DeliveryContentsDecoder().decode(Array(lines.joined(separator: "\n").utf8), file: "random.ndjson", format: .ndjson)
        let report = Evaluator(policy: .latest).evaluate(Collector().collect(batch.deliveries), problems: batch.problems)

        let totals = report.totals
        #expect(totals.tests == expected.tests.count)
        let reported: [Int] = [totals.passed, totals.failed, totals.errors, totals.skipped, totals.flaky, totals.attempts]
        let counted: [Int] = [expected.passed, expected.failed, expected.errors, expected.skipped, expected.flaky, expected.attempts]
        #expect(reported == counted)
        #expect(report.redeliveries == expected.redeliveries)
        #expect(report.nonTestDeliveries == expected.otherEvents)
        #expect(report.problems.count == expected.brokenLines)
        #expect(Set(report.runs.flatMap(\.tests).map(\.id)) == expected.tests, "no test is lost")

        let renderer = ReportRenderer(templates: try TemplateSet())
        let options = RenderOptions()
        try Self.checkJUnit(try renderer.render(report, as: .junit, options: options), expected)
        let counts = [expected.tests.count, expected.passed, expected.failed, expected.errors, expected.skipped, expected.flaky]
        #expect(Self.markdownTotals(try renderer.render(report, as: .markdown, options: options)) == counts)
        #expect(Self.htmlCards(try renderer.render(report, as: .html, options: options)) == counts)
    }

    static func checkJUnit(_ xml: String, _ expected: Expected, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let root = try #require(try XMLDocument(xmlString: xml, options: []).rootElement())
        func number(_ element: XMLElement, _ name: String) -> Int { Int(element.attribute(forName: name)?.stringValue ?? "") ?? -1 }
        let suites = root.elements(forName: "testsuite")
        let cases = suites.flatMap { $0.elements(forName: "testcase") }
        let withChild = { (name: String) in cases.filter { !$0.elements(forName: name).isEmpty }.count }
        let problems = expected.brokenLines
        #expect(number(root, "tests") == expected.tests.count + problems, sourceLocation: sourceLocation)
        #expect(number(root, "failures") == expected.failed, sourceLocation: sourceLocation)
        #expect(number(root, "errors") == expected.errors + problems, sourceLocation: sourceLocation)
        #expect(suites.map { number($0, "tests") }.reduce(0, +) == number(root, "tests"), sourceLocation: sourceLocation)
        #expect(suites.map { number($0, "failures") }.reduce(0, +) == expected.failed, sourceLocation: sourceLocation)
        #expect(suites.map { number($0, "errors") }.reduce(0, +) == number(root, "errors"), sourceLocation: sourceLocation)
        #expect(suites.map { number($0, "skipped") }.reduce(0, +) == expected.skipped, sourceLocation: sourceLocation)
        #expect(cases.count == number(root, "tests"), sourceLocation: sourceLocation)
        #expect(withChild("failure") == expected.failed, sourceLocation: sourceLocation)
        #expect(withChild("error") == expected.errors + problems, sourceLocation: sourceLocation)
        #expect(withChild("skipped") == expected.skipped, sourceLocation: sourceLocation)
        let testNames = Set(cases.filter { $0.attribute(forName: "classname")?.stringValue != "speaknode-report.input" }
            .compactMap { $0.attribute(forName: "name")?.stringValue })
        #expect(testNames == expected.tests, "every test is a test case", sourceLocation: sourceLocation)
    }

    /// Tests, passed, failed, errors, skipped and flaky from the summary's totals table.
    static func markdownTotals(_ markdown: String) -> [Int] {
        let lines = markdown.split(separator: "\n").map(String.init)
        guard let header = lines.firstIndex(where: { $0.hasPrefix("| Tests |") }), header + 2 < lines.count else { return [] }
        let cells = lines[header + 2].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        return cells.prefix(6).compactMap { Int($0) }
    }

    /// Tests, passed, failed, errors, skipped and flaky from the HTML report's cards.
    static func htmlCards(_ html: String) -> [Int] {
        var values: [String: Int] = [:]
        for match in html.matches(of: /<dt>(\w+)<\/dt><dd[^>]*>(\d+)<\/dd>/) {
            values[String(match.output.1)] = Int(match.output.2)
        }
        return ["Tests", "Passed", "Failed", "Errors", "Skipped", "Flaky"].compactMap { values[$0] }
    }
}
