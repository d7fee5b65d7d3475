import Foundation
@testable import SpeakNodeReport

/// Reports that exercise every part of the HTML report: turns of every kind, latencies,
/// interruptions, tool errors, recordings that are still valid or already expired.
enum HTMLFixture {
    static let start = ReportFixture.start

    static func history(_ text: String = "", marker: String = "") -> [HistoryItem] {
        let at = { (seconds: Double) in start.addingTimeInterval(seconds) }
        return [
            HistoryItem(role: "Assistant" + marker, content: "Hello, how can I help?" + text, kind: "Message", createdAt: at(1),
                        metrics: TurnMetrics(llmNodeTTFT: 0.33, ttsNodeTTFB: 0.24, e2eLatency: 0)),
            HistoryItem(role: "User" + marker, content: "Book me for Monday" + text, kind: "Message", createdAt: at(4)),
            HistoryItem(role: "Assistant", content: "Sure, let me" + text, kind: "Message", createdAt: at(7), interrupted: true,
                        metrics: TurnMetrics(llmNodeTTFT: 0.9, ttsNodeTTFB: 0.3, e2eLatency: 1.84)),
            HistoryItem(role: "Assistant", kind: "FunctionCall", createdAt: at(8), toolName: "book_slot" + text, toolCallID: "call_1" + text,
                        toolArgumentsJSON: #"{"day":"mon","note":"\#(text.isEmpty ? "x" : "y")"}"# + text),
            HistoryItem(role: "Tool", kind: "FunctionCallOutput", createdAt: at(9), toolName: "book_slot", toolCallID: "call_1",
                        toolOutput: "slot taken" + text, toolIsError: true),
            HistoryItem(kind: "AgentHandoff", createdAt: at(10), handoffToAgentID: "scheduler" + text),
            HistoryItem(kind: "AgentConfigUpdate", createdAt: at(10), instructions: "Be brief" + text, toolsAdded: ["a" + text, "b"]),
            HistoryItem(role: "System", content: "odd item" + text, kind: "Transcription" + text, createdAt: at(11)),
        ]
    }

    /// Two runs: one with a failed test whose recording expired before the data's latest
    /// timestamp and a passed test with a valid recording, one with a passed test.
    static func rich(text: String = "", marker: String = "", audioURL: String = "https://rec.example/a.ogg?x=1&y=2") -> Report {
        var failing = ReportFixture.conversation(
            session: "s-fail", success: false, reasons: ["Did not confirm" + text, "Hung up" + text], audioURL: audioURL,
            history: history(text, marker: marker))
        failing.audioURLExpiresAt = start.addingTimeInterval(60)
        var passing = ReportFixture.conversation(session: "s-pass", offset: 100, audioURL: audioURL, history: history(text))
        passing.audioURLExpiresAt = start.addingTimeInterval(86_400 * 7)
        let tests = [
            ReportFixture.test(
                id: "fails" + text, name: "Fails" + text, agent: "Agent" + text,
                attempts: [ReportFixture.attempt(.failed, failing, reasons: ["Did not confirm" + text, "Hung up" + text])]),
            ReportFixture.test(
                id: "flaky" + text, name: "Flaky" + text,
                attempts: [
                    ReportFixture.attempt(.error, ReportFixture.conversation(session: "s-err", status: "Error", success: nil)),
                    ReportFixture.attempt(.passed, passing),
                ]),
            ReportFixture.test(id: "passes", name: "Passes", attempts: [ReportFixture.attempt(.passed, passing)]),
            ReportFixture.test(id: "skipped", name: "Skipped", attempts: [
                ReportFixture.attempt(.skipped, ReportFixture.conversation(session: "s-skip", status: "Cancelled", success: nil, history: []))
            ]),
        ]
        var report = ReportFixture.report(
            tests: tests, campaign: "Nightly" + text, redeliveries: 1, nonTest: 1,
            problems: [InputProblem(source: SourceLocation(file: "in" + text + ".ndjson", line: 3), reason: "not JSON" + text)])
        var second = report.runs[0]
        second.id = "second run" + text
        second.tests = [ReportFixture.test(id: "passes", name: "Passes", attempts: [ReportFixture.attempt(.passed, passing)])]
        second.counts = ReportFixture.counts(second.tests)
        report.runs.append(second)
        report.totals = ReportFixture.counts(report.runs.flatMap(\.tests))
        return report
    }

    static func render(_ report: Report, options: RenderOptions = RenderOptions(reportURL: "https://ci.example/report.html")) throws -> String {
        try ReportRenderer(templates: TemplateSet()).render(report, as: .html, options: options)
    }
}
