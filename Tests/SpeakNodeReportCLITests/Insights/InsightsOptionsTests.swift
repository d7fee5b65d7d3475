import Foundation
import Testing
@testable import SpeakNodeReport
@testable import SpeakNodeReportCLI

/// `render` with `--budget`, `--fail-on-latency`, `--json`, `--baseline` and `--latency-threshold`.
@Suite("render: insight options")
struct InsightsOptionsTests {
    /// A delivery that passed its evaluation, with one agent turn per e2e value.
    static func delivery(session: String, test: String, success: Bool = true, e2e: [Double]) -> String {
        let history = e2e.enumerated().map { index, value in
            #"{"role":"Assistant","content":"Turn \#(index)","kind":"Message","metrics":{"e2e_latency":\#(value)}}"#
        }.joined(separator: ",")
        return #"{"event":"ConversationComplete","data":{"session_id":"\#(session)","test_run_id":"run-1","test_id":"\#(test)","campaign_name":"Nightly","test_status":"Completed","history":[\#(history)],"test_eval_result":{"success":\#(success),"reasons":["because"],"completion_reason":"Done"}}}"#
    }

    static let input = [
        delivery(session: "s1", test: "quick", e2e: [0.6, 0.7]),
        delivery(session: "s2", test: "sluggish", e2e: [1.0, 1.9, 2.1]),
    ].joined(separator: "\n") + "\n"

    func recorder(_ stdin: String = Self.input) -> RecordingConsole {
        let recorder = RecordingConsole()
        recorder.standardInput = Array(stdin.utf8)
        return recorder
    }

    @Test("Without --fail-on-latency a slow test still passes")
    func gateIsOffByDefault() {
        let console = recorder()
        #expect(console.run(["render", "-", "--markdown", "-"]) == .success)
    }

    @Test("--fail-on-latency p95 fails a passing test whose e2e p95 is over budget, saying which metric, value and budget")
    func gateFails() throws {
        let console = recorder()
        #expect(console.run(["render", "-", "--junit", "-", "--fail-on-latency", "p95"]) == .testsFailed)
        #expect(console.error.hasPrefix("FAILED: 2 tests, 1 passed, 1 failed"))
        #expect(console.output.contains(
            #"<failure message="e2e_latency p95 2.08 s is over the budget of 1.5 s" type="LatencyBudget">"#))
    }

    @Test("--budget changes the budget the gate and slow turns use")
    func budget() {
        let console = recorder()
        #expect(console.run(["render", "-", "--json", "-", "--fail-on-latency", "max", "--budget", "e2e=2.5s"]) == .success)
        #expect(console.output.contains(#""e2e_latency" : 2.5"#))
        #expect(console.output.contains(#""latency_gate" : "max""#))
        let strict = recorder()
        #expect(strict.run(["render", "-", "--markdown", "-", "--fail-on-latency", "max", "--budget", "e2e=650ms"]) == .testsFailed)
        #expect(strict.error.hasPrefix("FAILED: 2 tests, 0 passed, 2 failed"))
    }

    @Test("A bad --budget, --fail-on-latency or --latency-threshold stops before input is read")
    func badValues() {
        for arguments in [
            ["--budget", "e2e=fast"], ["--budget", "speed=1"], ["--fail-on-latency", "p50"],
            ["--latency-threshold", "a lot"],
        ] {
            let console = recorder()
            #expect(console.run(["render", "-", "--markdown", "-"] + arguments) == .usageOrInputError, "\(arguments)")
            #expect(console.standardInputReads == 0, "\(arguments)")
            #expect(console.output.isEmpty)
        }
        let console = recorder()
        _ = console.run(["render", "-", "--budget", "e2e=fast"])
        #expect(console.error.contains("--budget e2e=fast: latency budget e2e=fast is not a positive number of seconds"))
    }

    @Test("--json writes the summary document, the same bytes as the library makes")
    func jsonFile() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let console = recorder()
        #expect(console.run(["render", "-", "--json", folder.file("s.json")]) == .success)
        #expect(folder.contents() == ["s.json"], "only the JSON summary was asked for")
        let data = try Data(contentsOf: URL(fileURLWithPath: folder.file("s.json")))
        let document = try SummaryDocument(jsonData: data)
        #expect(document.counts.tests == 2)
        #expect(document.runs.first?.tests.map(\.id) == ["quick", "sluggish"])
        #expect(document.runs.first?.tests.last?.slowTurns == 2)
        #expect(console.error.hasSuffix("wrote JSON summary to \(folder.file("s.json"))\n"))

        let again = recorder()
        #expect(again.run(["render", "-", "--json", "-"]) == .success)
        #expect(Data(again.output.utf8) == data, "deterministic, and - writes to standard output")
    }

    @Test("--out writes summary.json next to the reports")
    func summaryUnderOut() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        #expect(recorder().run(["render", "-", "--out", folder.path]) == .success)
        #expect(folder.contents() == ["junit.xml", "report.html", "summary.json", "summary.md"])
        let data = try Data(contentsOf: URL(fileURLWithPath: folder.file("summary.json")))
        #expect(try SummaryDocument(jsonData: data).schema == SummaryDocument.currentSchema)
    }

    @Test("The JSON summary cannot share standard output or a path with a report")
    func conflicts() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let stdout = recorder()
        #expect(stdout.run(["render", "-", "--json", "-", "--markdown", "-"]) == .usageOrInputError)
        #expect(stdout.error.contains("only one report can go to standard output"))
        let samePath = recorder()
        #expect(samePath.run(["render", "-", "--json", folder.file("x"), "--junit", folder.file("x")]) == .usageOrInputError)
        #expect(samePath.error.contains("the JUnit XML and the JSON summary would both be written to"))
        #expect(samePath.standardInputReads == 0)
    }
}
