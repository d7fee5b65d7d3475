import Foundation
import Mustache
import Testing
@testable import SpeakNodeReport

/// The test and attempt objects answer every documented key (README, "Template context"), and
/// only those, with the values the report's data gives.
@Suite("Test and attempt objects")
struct TestObjectTests {
    static let outcomeKeys: Set = ["outcome", "outcomeLabel", "symbol", "isPassed", "isFailed", "isError", "isSkipped", "isProblem"]

    /// README "Test", and the test keys of "Voice insights keys".
    static let testKeys = outcomeKeys.union([
        "id", "name", "runID", "runName", "anchor", "agent", "hasAgent", "classname", "isFlaky", "message", "hasMessage",
        "reasons", "hasReasons", "reasonsText", "type", "duration", "seconds", "attempts", "attemptCount", "attemptsText",
        "hasSeveralAttempts", "decidingAttempt", "sessionID", "recordingURL", "transcript", "hasTranscript", "systemOut",
        "hasSystemOut", "reruns", "hasReruns",
        "latencyStats", "signals", "repeat", "isRepeated", "insightLines", "hasInsightLines", "latencyFailure",
        "hasLatencyFailure",
    ])

    /// README "Attempt".
    static let attemptKeys = outcomeKeys.union([
        "number", "isDeciding", "message", "hasMessage", "reasons", "hasReasons", "reasonsText", "type", "sessionID", "agent",
        "status", "completionReason", "startedAt", "duration", "seconds", "recordingURL", "recordingText", "transcript",
        "hasTranscript",
    ])

    /// README "HTML report only", test and attempt rows.
    static let htmlTestKeys: Set = [
        "category", "categoryLabel", "categoryRank", "needsAttention", "isOpen", "firstReason", "searchText", "runAnchor",
    ]
    static let htmlAttemptKeys: Set = [
        "anchor", "isOpen", "showsPlayer", "successText", "isEvaluated", "recordingExpiresAt", "isRecordingExpired",
        "recordingExpiredText", "turns", "hasTurns", "turnCount", "turnsText", "isTranscriptLeftOut",
    ]

    /// README "Voice insights keys", Latency and Signals.
    static let latencyKeys: Set = [
        "metrics", "hasMetrics", "e2e", "hasE2E", "slowTurnCount", "slowTurnsText", "hasSlowTurns", "slowTurns",
        "slowTurnsPreview", "moreSlowTurns", "hasMoreSlowTurns", "overBudgetText", "hasOverBudget",
    ]
    static let signalsKeys: Set = [
        "turns", "interruptions", "handoffs", "toolCalls", "toolErrors", "tools", "toolsText", "hasTools", "hasToolCalls",
        "hasToolErrors", "hasInterruptions", "hasHandoffs", "talkTime", "hasTalkTime", "summary",
    ]

    /// README "Voice insights keys", Metric.
    static let metricKeys: Set = [
        "metric", "key", "title", "count", "p50", "p90", "p95", "max", "budget", "hasBudget", "isOverBudget", "isMaxOverBudget",
    ]

    /// README "Markdown summary only", the rows of `failures`, `flakyTests`, `skippedTests` and `passedTests`.
    static let markdownRowKeys = outcomeKeys.union([
        "name", "runName", "agent", "hasAgent", "isFlaky", "duration", "attemptsText", "hasSeveralAttempts", "attemptOutcomes",
        "status", "completionReason", "recordingURL",
    ])
    static let markdownFailureKeys: Set = [
        "reasons", "hasReasons", "moreReasons", "hasMoreReasons", "moreReasonsText", "transcript", "hasTranscript",
        "transcriptTurns", "turnCount", "hasEarlierTurns",
    ]

    @Test("Each object answers exactly the documented keys")
    func documentedKeys() {
        #expect(Set(TestObject.keys.keys) == Self.testKeys)
        #expect(Set(AttemptObject.keys.keys) == Self.attemptKeys)
        #expect(Set(HTMLTestObject.keys.keys) == Self.testKeys.union(Self.htmlTestKeys))
        #expect(Set(HTMLAttemptObject.keys.keys) == Self.attemptKeys.union(Self.htmlAttemptKeys))
        #expect(Set(LatencyStatsObject.keys.keys) == Self.latencyKeys)
        #expect(Set(SignalsObject.keys.keys) == Self.signalsKeys)
        #expect(Set(LatencyRowObject.keys.keys) == Self.metricKeys)
        #expect(Set(LatencyBarChart.keys.keys) == [
            "width", "height", "viewBox", "rows", "plotTop", "plotBottom", "budgetLabelY", "budgetX", "budget", "hasBudget",
        ])
        #expect(Set(RepeatObject.keys.keys) == ["attempts", "passed", "evaluated", "passRate", "hasPassRate", "text", "name", "id", "runName"])
        #expect(Set(MarkdownTestRow.keys.keys) == Self.markdownRowKeys)
        #expect(Set(FailureRowObject.keys.keys) == Self.markdownRowKeys.union(Self.markdownFailureKeys))
    }

    /// Every test of the shared and the HTML context of `report`, as template values.
    private static func tests(of report: Report) -> [(shared: MustacheValue, html: MustacheValue)] {
        let shared = ReportContext(report: report, options: RenderOptions()).value
        let html = HTMLReportContext(report: report, shared: shared).value
        return report.runs.indices.flatMap { run in
            guard case .list(let sharedTests)? = lookup(shared, "runs.\(run).tests"),
                  case .list(let htmlTests)? = lookup(html, "runs.\(run).tests")
            else { return [(MustacheValue, MustacheValue)]() }
            return Array(zip(sharedTests, htmlTests))
        }
    }

    @Test("Every key of every test and attempt resolves; other keys are left to the outer contexts", arguments: [
        ReportFixture.mixed(), ReportFixture.retried(), ReportFixture.hostile(), HTMLFixture.rich(), InsightsReportFixture.report(),
    ])
    func everyKeyResolves(report: Report) throws {
        let tests = Self.tests(of: report)
        #expect(tests.count == report.runs.reduce(0) { $0 + $1.tests.count })
        for (shared, html) in tests {
            for key in Self.testKeys { #expect(shared.member(key) != nil, "test key \(key)") }
            for key in Self.testKeys.union(Self.htmlTestKeys) { #expect(html.member(key) != nil, "HTML test key \(key)") }
            for key in ["title", "nope", "number", "turns"] {
                #expect(shared.member(key) == nil, "\(key) is not a test key")
                #expect(html.member(key) == nil, "\(key) is not an HTML test key")
            }
            guard case .list(let attempts)? = shared.member("attempts"), case .list(let htmlAttempts)? = html.member("attempts")
            else { Issue.record("attempts are a list"); continue }
            #expect(attempts.count == htmlAttempts.count)
            for (attempt, htmlAttempt) in zip(attempts, htmlAttempts) {
                for key in Self.attemptKeys { #expect(attempt.member(key) == htmlAttempt.member(key), "attempt key \(key)") }
                for key in Self.attemptKeys.union(Self.htmlAttemptKeys) { #expect(htmlAttempt.member(key) != nil, "key \(key)") }
                for key in ["name", "anchor", "attempts", "isFlaky"] where !Self.attemptKeys.contains(key) {
                    #expect(attempt.member(key) == nil, "\(key) falls through to the test")
                }
            }
            for key in Self.latencyKeys { #expect(lookup(shared, "latencyStats.\(key)") != nil, "latency key \(key)") }
            for key in Self.signalsKeys { #expect(lookup(shared, "signals.\(key)") != nil, "signals key \(key)") }
            if case .list(let rows)? = lookup(shared, "latencyStats.metrics") {
                for row in rows {
                    for key in Self.metricKeys { #expect(row.member(key) != nil, "metric key \(key)") }
                    #expect(row.member("name") == nil)
                }
            }
        }
    }

    @Test("A test's values come from its deciding attempt, and the HTML test keeps every shared value")
    func values() throws {
        let report = ReportFixture.mixed()
        for (shared, html) in Self.tests(of: report) {
            for key in Self.testKeys where key != "attempts" { #expect(shared.member(key) == html.member(key), "key \(key)") }
            let deciding = try #require(lookup(shared, "decidingAttempt.number"))
            guard case .int(let number) = deciding else { Issue.record("number is an int"); continue }
            for key in Self.attemptKeys {
                #expect(lookup(shared, "decidingAttempt.\(key)") == lookup(shared, "attempts.\(number - 1).\(key)"))
            }
            #expect(lookup(shared, "sessionID") == lookup(shared, "decidingAttempt.sessionID"))
            #expect(lookup(shared, "transcript") == lookup(shared, "decidingAttempt.transcript"))
        }
    }

    @Test("A test failed by the latency gate shows the gate's failure as its message, reasons and type")
    func latencyFailure() throws {
        let context = InsightsReportFixture.context()
        let slow = try #require(InsightsReportFixture.test("Books a slot", in: context))
        let message = try #require(slow["latencyFailure.message"])
        #expect(slow["hasLatencyFailure"] == true)
        #expect(slow["message"] == message)
        #expect(slow["hasMessage"] == true)
        #expect(slow["reasons"] == .list([message]))
        #expect(slow["hasReasons"] == true)
        #expect(slow["reasonsText"] == message)
        #expect(slow["type"] == "LatencyBudget")
        #expect(slow["decidingAttempt.type"] != "LatencyBudget", "the attempt keeps its own")
        let fast = try #require(InsightsReportFixture.test("Greets", in: context))
        #expect(fast["latencyFailure"] == .null)
        #expect(fast["hasLatencyFailure"] == false)
    }

    @Test("Inside an attempt, a key it lacks is the test's, and a key it has as null is not")
    func fallThrough() throws {
        let template = try Template(
            "{{#report.runs}}{{#tests}}{{#attempts}}{{name}}/{{number}}/{{attemptsText}}/[{{completionReason}}];{{/attempts}}{{/tests}}{{/report.runs}}")
        let report = ReportContext(report: ReportFixture.retried(), options: RenderOptions()).value
        let context: MustacheValue = ["report": report, "completionReason": "outer"]
        #expect(try template.render(context)
            == "retried/1/3 attempts/[];retried/2/3 attempts/[StepsExhausted];retried/3/3 attempts/[StepsExhausted];")
    }

    @Test("A repeated test's repeat has the pass rate; an item of repeatedTests also names the test and its run")
    func repeats() throws {
        let context = InsightsReportFixture.context()
        let test = try #require(InsightsReportFixture.test("Quotes a price", in: context))
        #expect(test["repeat.text"] == "1 of 2 evaluated attempts passed (50%)")
        #expect(test["repeat.attempts"] == 2)
        #expect(test["repeat.name"] == nil, "inside {{#repeat}}, name is the test's")
        #expect(try Template("{{#repeat}}{{name}}: {{passRate}}{{/repeat}}").render(test.value) == "Quotes a price: 50%")
        #expect(context["repeatedTests.0.name"] == "Quotes a price")
        #expect(context["repeatedTests.0.runName"] == context["runs.0.name"])
        #expect(context["runs.0.repeatedTests.0.id"] == "repeat")
        #expect(InsightsReportFixture.test("Greets", in: context)?["repeat"] == .null)
    }

    @Test("Contexts of the same report are equal, object for object")
    func equality() {
        let report = ReportFixture.mixed()
        #expect(ReportContext(report: report, options: RenderOptions()) == ReportContext(report: report, options: RenderOptions()))
        #expect(ReportContext(report: report, options: RenderOptions()) != ReportContext(report: ReportFixture.retried(), options: RenderOptions()))
    }
}
