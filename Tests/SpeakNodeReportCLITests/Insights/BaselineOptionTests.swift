import Foundation
import Testing
@testable import SpeakNodeReport
@testable import SpeakNodeReportCLI

/// `render --baseline FILE`: every report says what changed since an earlier summary.json.
@Suite("render: --baseline")
struct BaselineOptionTests {
    typealias Input = InsightsOptionsTests

    func recorder(_ stdin: String = Input.input) -> RecordingConsole {
        let recorder = RecordingConsole()
        recorder.standardInput = Array(stdin.utf8)
        return recorder
    }

    /// Writes the summary of `input` into `folder` as a baseline.
    func baseline(of input: String, in folder: TemporaryDirectory) throws -> String {
        let path = folder.file("baseline.json")
        #expect(recorder(input).run(["render", "-", "--json", path, "--fail-on", "never"]) == .success)
        return path
    }

    @Test("New failures and latency regressions are reported at the top of the summary and on standard error")
    func regressions() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let before = [
            Input.delivery(session: "b1", test: "quick", e2e: [0.6, 0.7]),
            Input.delivery(session: "b2", test: "sluggish", e2e: [0.8, 0.9, 1.0]),
            Input.delivery(session: "b3", test: "gone", e2e: [0.5]),
        ].joined(separator: "\n")
        let path = try baseline(of: before, in: folder)
        let now = [
            Input.delivery(session: "n1", test: "quick", success: false, e2e: [0.6, 0.7]),
            Input.delivery(session: "n2", test: "sluggish", e2e: [1.0, 1.9, 2.1]),
        ].joined(separator: "\n")
        let console = recorder(now)
        #expect(console.run(["render", "-", "--markdown", folder.file("s.md"), "--baseline", path]) == .testsFailed)
        #expect(console.error.contains("since the baseline: 1 new failure, 2 latency regressions, 1 removed test\n"))
        let markdown = try String(contentsOfFile: folder.file("s.md"), encoding: .utf8)
        let changes = try #require(markdown.range(of: "Since the baseline: 1 new failure"))
        let runs = try #require(markdown.range(of: "### Runs"))
        #expect(changes.lowerBound < runs.lowerBound, "the changes come before the details")
        #expect(markdown.contains("New failure: **quick** (Passed → Failed)"))
        #expect(markdown.contains("Slower: **sluggish**, e2e\\_latency p95 990 ms → 2\\.08 s \\(\\+110%\\)"))
        #expect(markdown.contains("- Removed tests: gone"))
    }

    @Test("--latency-threshold decides how much slower counts as a regression")
    func threshold() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = try baseline(of: Input.delivery(session: "b", test: "t", e2e: [1.0]), in: folder)
        let now = Input.delivery(session: "n", test: "t", e2e: [1.3])
        let lenient = recorder(now)
        _ = lenient.run(["render", "-", "--markdown", "-", "--baseline", path, "--latency-threshold", "50%"])
        #expect(lenient.error.contains("since the baseline: no changes"))
        let strict = recorder(now)
        _ = strict.run(["render", "-", "--markdown", "-", "--baseline", path])
        #expect(strict.error.contains("since the baseline: 2 latency regressions"), "30% is over the default 20%, for the test and its run")
    }

    @Test("A baseline that is missing, not JSON, of another schema or not a summary stops before input is read")
    func badBaselines() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let cases: [(contents: String?, message: String)] = [
            (nil, "cannot read baseline \(folder.file("b0.json")): no such file"),
            ("{not json", "baseline \(folder.file("b1.json")) is not valid JSON"),
            (#"{"schema": 2}"#, "baseline \(folder.file("b2.json")): summary document has schema 2; this version reads schema 1"),
            (#"[1, 2]"#, "baseline \(folder.file("b3.json")) must be a summary.json written by speaknode-report (a JSON object), not an array"),
            (#"{"names": {}}"#, "baseline \(folder.file("b4.json")) is not a summary.json written by speaknode-report: it has no \"schema\""),
            (#"{"schema": 1, "counts": {}}"#, "baseline \(folder.file("b5.json")) is not a summary.json written by speaknode-report: "),
        ]
        for (index, item) in cases.enumerated() {
            let path = folder.file("b\(index).json")
            if let contents = item.contents { _ = try folder.write(contents, to: "b\(index).json") }
            let console = recorder()
            #expect(console.run(["render", "-", "--markdown", "-", "--baseline", path]) == .usageOrInputError)
            #expect(console.error.contains(item.message), "\(console.error)")
            #expect(console.standardInputReads == 0, "checked before reading input")
            #expect(console.output.isEmpty)
        }
    }
}
