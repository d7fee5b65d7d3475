import Foundation
import Testing
@testable import SpeakNodeReport

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The sample deliveries in `Examples/`, through the whole library: read, collect, evaluate,
/// render. The expected figures are the ones `Examples/README.md` promises.
@Suite("Examples, end to end", .enabled(if: ExampleInput.isAvailable, "needs the package's Examples/ folder"))
struct ExamplesReportTests {
    @Test("The JUnit XML holds every run and test of the examples, with the documented counts")
    func junitCounts() throws {
        let xml = try ExampleInput.render(.junit, from: [ExampleInput.deliveries])
        let root = try #require(try XMLDocument(xmlString: xml, options: []).rootElement())
        #expect(root.attribute(forName: "tests")?.stringValue == "10")
        #expect(root.attribute(forName: "failures")?.stringValue == "3")
        #expect(root.attribute(forName: "errors")?.stringValue == "1")

        let suites = root.elements(forName: "testsuite")
        let counts = suites.map { suite in
            ["tests", "failures", "errors", "skipped"].map { suite.attribute(forName: $0)?.stringValue ?? "" }
        }
        #expect(counts == [["3", "1", "0", "0"], ["4", "1", "1", "1"], ["3", "1", "0", "0"]])
        #expect(suites.first?.attribute(forName: "name")?.stringValue == "Checkout regression (nightly) (5f0c2d7e)")

        // Each test's latency figures are properties of its suite (the schema allows none in a test case).
        let properties = Dictionary(
            (suites.first?.elements(forName: "properties").first?.elements(forName: "property") ?? []).map {
                ($0.attribute(forName: "name")?.stringValue ?? "", $0.attribute(forName: "value")?.stringValue ?? "")
            },
            uniquingKeysWith: { first, _ in first }
        )
        #expect(properties["latency e2e_latency: Clarifies a vague delivery address"]
            == "count 3, p50 1.9 s, p90 2.22 s, p95 2.26 s, max 2.3 s, budget 1.5 s")
        #expect(properties["slow turns: Clarifies a vague delivery address"] == "2")

        let cases = suites.flatMap { $0.elements(forName: "testcase") }
        #expect(cases.count == 10)
        #expect(cases.flatMap { $0.elements(forName: "failure") }.count == 3)
        #expect(cases.flatMap { $0.elements(forName: "error") }.count == 1)
        #expect(cases.flatMap { $0.elements(forName: "skipped") }.count == 1)
        #expect(cases.flatMap { $0.elements(forName: "flakyFailure") }.count == 1)
        let names = Set(cases.compactMap { $0.attribute(forName: "name")?.stringValue })
        #expect(names.contains("Clarifies a vague delivery address"), "names come from names.json")
        #expect(names.contains("9c1e3a5b-0d2f-4b4c-8e8a-7f9d1b3c5e09"), "a test without a name shows its id")
    }

    @Test("The Markdown summary and the HTML report state the same totals")
    func summaryTotals() throws {
        let markdown = try ExampleInput.render(.markdown, from: [ExampleInput.deliveries])
        #expect(markdown.contains("5 passed, 3 failed, 1 error, 1 skipped, 1 flaky"))
        let html = try ExampleInput.render(.html, from: [ExampleInput.deliveries])
        #expect(html.contains("Clarifies a vague delivery address"))
        #expect(!html.contains("<b>half off</b>"), "markup from a transcript is escaped")
    }

    @Test(
        "The same deliveries in any order, split across any files, give byte-identical reports",
        arguments: [UInt64(1), 2, 3]
    )
    func determinism(seed: UInt64) throws {
        let reference = try ReportFormat.allCases.map { try ExampleInput.render($0, from: [ExampleInput.deliveries]) }

        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("speaknode-examples-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        // Re-serialise every delivery, shuffle them, and spread them over an NDJSON stream,
        // a JSON array and single-delivery files.
        var generator = SeededGenerator(seed: seed)
        let deliveries = try ExampleInput.rawDeliveries().shuffled(using: &generator)
        let third = deliveries.count / 3
        let ndjson = deliveries[..<third].map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
        try Data(ndjson.utf8).write(to: folder.appendingPathComponent("stream.ndjson"))
        let array = "[" + deliveries[third..<(2 * third)].map { String(decoding: $0, as: UTF8.self) }.joined(separator: ",") + "]"
        try Data(array.utf8).write(to: folder.appendingPathComponent("batch.json"))
        for (index, delivery) in deliveries[(2 * third)...].enumerated() {
            try delivery.write(to: folder.appendingPathComponent("single-\(index).json"))
        }

        let shuffled = try ReportFormat.allCases.map { try ExampleInput.render($0, from: [folder.path]) }
        for (format, (expected, actual)) in zip(ReportFormat.allCases, zip(reference, shuffled)) {
            #expect(expected == actual, "\(format) differs after shuffling and splitting (seed \(seed))")
        }
    }
}

/// The package's example deliveries and helpers to render them.
enum ExampleInput {
    static let examples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples")
    static let deliveries = examples.appendingPathComponent("deliveries").path
    static let namesFile = examples.appendingPathComponent("names.json")

    static var isAvailable: Bool { FileManager.default.fileExists(atPath: deliveries) }

    static func names() throws -> [String: String] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: namesFile))
        return try #require(object as? [String: String])
    }

    static func render(_ format: ReportFormat, from inputs: [String]) throws -> String {
        let (report, batch) = ReportPipeline(names: try names()).makeReport(from: inputs)
        #expect(batch.problems.isEmpty, "the examples read without problems: \(batch.problems)")
        return try ReportRenderer(templates: TemplateSet()).render(report, as: format, options: RenderOptions())
    }

    /// Every delivery of the examples as its own compact JSON document.
    static func rawDeliveries() throws -> [Data] {
        let files = try #require(FileManager.default.enumerator(atPath: deliveries)).compactMap { $0 as? String }.sorted()
        var result: [Data] = []
        for file in files {
            let url = URL(fileURLWithPath: deliveries).appendingPathComponent(file)
            switch url.pathExtension {
            case "ndjson", "jsonl":
                let data = try Data(contentsOf: url)
                for line in data.split(separator: UInt8(ascii: "\n")) where !line.allSatisfy({ $0 == 32 || $0 == 13 }) {
                    result.append(Data(line))
                }
            case "json":
                let value = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
                let elements = (value as? [Any]) ?? [value]
                result += try elements.map { try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]) }
            default:
                continue
            }
        }
        return result
    }
}
