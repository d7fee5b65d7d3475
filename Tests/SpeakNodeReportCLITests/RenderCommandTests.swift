import Foundation
import Testing
@testable import SpeakNodeReportCLI

@Suite("render command in-process")
struct RenderCommandTests {
    static func delivery(session: String, test: String, success: Bool) -> String {
        #"{"event":"ConversationComplete","data":{"session_id":"\#(session)","test_run_id":"run-1","test_id":"\#(test)","test_status":"Completed","test_eval_result":{"success":\#(success),"reasons":["because"],"completion_reason":"Done"}}}"#
    }

    static let passing = delivery(session: "s1", test: "t1", success: true)
    static let failing = delivery(session: "s2", test: "t2", success: false)

    func recorder(stdin: String) -> RecordingConsole {
        let recorder = RecordingConsole()
        recorder.standardInput = Array(stdin.utf8)
        return recorder
    }

    @Test func passingTestsExitZeroAndWriteEveryReport() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let console = recorder(stdin: Self.passing + "\n")
        #expect(console.run(["render", "-", "--out", folder.file("r")]) == .success)
        #expect(console.standardInputReads == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.file("r")).sorted()
            == ["junit.xml", "report.html", "summary.json", "summary.md"])
        #expect(console.error.hasPrefix("PASSED: 1 test, 1 passed, 0 failed, 0 errors, 0 skipped, 0 flaky, 1 attempt\n"))
    }

    @Test func aFailedTestExitsOneUnlessFailOnNever() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let input = Self.passing + "\n" + Self.failing + "\n"
        #expect(recorder(stdin: input).run(["render", "-", "--out", folder.path]) == .testsFailed)
        #expect(recorder(stdin: input).run(["render", "-", "--out", folder.path, "--fail-on", "never"]) == .success)
    }

    @Test func anInvalidDeliveryExitsTwoAndIsListedButTheRestIsReported() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let console = recorder(stdin: Self.failing + "\n{not json\n")
        #expect(console.run(["render", "-", "--junit", folder.file("j.xml")]) == .usageOrInputError)
        let lines = console.error.split(separator: "\n").map(String.init)
        #expect(lines.first == "FAILED: 1 test, 0 passed, 1 failed, 0 errors, 0 skipped, 0 flaky, 1 attempt")
        #expect(lines.contains { $0.hasPrefix("warning: <stdin>:2: ") })
        #expect(lines.last == "wrote JUnit XML to \(folder.file("j.xml"))")
        #expect(try String(contentsOfFile: folder.file("j.xml"), encoding: .utf8).contains("t2"))
    }

    @Test func aDashPathWritesThatReportToStandardOutput() throws {
        let console = recorder(stdin: Self.passing)
        #expect(console.run(["render", "-", "--markdown", "-", "--title", "Nightly <b>"]) == .success)
        #expect(console.output.contains("Nightly"))
        #expect(console.error.hasSuffix("wrote Markdown summary to standard output\n"))
    }

    @Test func namesReplaceTestIDsInTheReports() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let names = try folder.write(#"{"t1": "Greets the caller"}"#, to: "names.json")
        let console = recorder(stdin: Self.passing)
        #expect(console.run(["render", "-", "--names", names, "--junit", "-"]) == .success)
        #expect(console.output.contains("Greets the caller"))
    }

    @Test func overriddenTemplatesAreUsed() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        _ = try folder.write("Custom: {{title}}\n", to: "summary.md.mustache")
        let console = recorder(stdin: Self.passing)
        #expect(console.run(["render", "-", "--templates", folder.path, "--title", "T", "--markdown", "-"]) == .success)
        #expect(console.output == "Custom: T\n")
    }

    @Test func aBrokenTemplateStopsBeforeInputIsRead() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        _ = try folder.write("{{#open}}never closed\n", to: "summary.md.mustache")
        let console = recorder(stdin: Self.passing)
        #expect(console.run(["render", "-", "--templates", folder.path, "--out", folder.file("out")]) == .usageOrInputError)
        #expect(console.error.hasPrefix("error: cannot use the templates in \(folder.path): "))
        #expect(console.error.contains("summary.md.mustache"))
        #expect(console.standardInputReads == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.file("out")))
    }

    @Test func aReportThatCannotBeWrittenExitsTwoAndTheOthersAreStillWritten() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let blocker = try folder.write("", to: "blocker")
        let console = recorder(stdin: Self.passing)
        let status = console.run(["render", "-", "--junit", blocker + "/j.xml", "--markdown", folder.file("s.md")])
        #expect(status == .usageOrInputError)
        #expect(console.error.contains("error: cannot write \(blocker)/j.xml: "))
        #expect(FileManager.default.fileExists(atPath: folder.file("s.md")))
    }

    @Test func readingATerminalSaysHowToEndTheInput() throws {
        let console = recorder(stdin: Self.passing)
        console.inputIsTerminal = true
        #expect(console.run(["render", "-", "--markdown", "-"]) == .success)
        #expect(console.error.hasPrefix("Reading deliveries from standard input; end with Ctrl-D.\n"))

        let piped = recorder(stdin: Self.passing)
        #expect(piped.run(["render", "-", "--markdown", "-"]) == .success)
        #expect(!piped.error.contains("Ctrl-D"))
    }

    @Test func twoReportsOnStandardOutputAreRefused() {
        let console = recorder(stdin: Self.passing)
        #expect(console.run(["render", "-", "--markdown", "-", "--html", "-"]) == .usageOrInputError)
        #expect(console.error == "error: only one report can go to standard output (-)\n")
    }
}
