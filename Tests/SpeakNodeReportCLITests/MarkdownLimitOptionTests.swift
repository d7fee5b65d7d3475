import Foundation
import Testing
@testable import SpeakNodeReportCLI

@Suite("render --markdown-limit")
struct MarkdownLimitOptionTests {
    /// Forty failed tests with long reasons: about 8,000 characters of summary.
    static let input = (0..<40).map { index in
        #"{"event":"ConversationComplete","data":{"session_id":"s\#(index)","test_run_id":"run-1","test_id":"t\#(index)","test_status":"Completed","test_eval_result":{"success":false,"reasons":["\#(String(repeating: "The agent did not confirm the slot. ", count: 5))"],"completion_reason":"Done"}}}"#
    }.joined(separator: "\n")

    func render(_ extra: [String]) -> (ExitCode, RecordingConsole) {
        let console = RecordingConsole()
        console.standardInput = Array(Self.input.utf8)
        let status = console.run(["render", "-", "--markdown", "-", "--fail-on", "never"] + extra)
        return (status, console)
    }

    @Test func theSummaryKeepsWithinTheLimit() {
        let (whole, full) = render([])
        #expect(whole == .success)
        #expect(!full.output.contains("Shortened"))
        let (status, short) = render(["--markdown-limit", "3000"])
        #expect(status == .success)
        #expect(short.output.utf16.count <= 3000)
        #expect(short.output.contains("✂️ Shortened to fit 3,000 characters"))
    }

    @Test(arguments: ["0", "-5", "many", "65,000", "1.5", ""])
    func anythingButAPositiveWholeNumberIsAUsageError(_ value: String) {
        let (status, console) = render(["--markdown-limit=\(value)"])
        #expect(status == .usageOrInputError)
        #expect(console.error == "error: --markdown-limit must be a positive whole number of characters, not '\(value)'\n")
        #expect(console.standardInputReads == 0)
    }

    @Test func aLimitTooSmallForTheVerdictIsReported() {
        let (status, console) = render(["--markdown-limit", "20"])
        #expect(status == .usageOrInputError)
        #expect(console.error.contains("the Markdown summary needs at least"))
    }

    @Test func theHelpNamesTheOption() {
        let help = HelpFormatter(root: CommandDefinitions.root).help(for: ["render"])
        #expect(help.contains("--markdown-limit N"))
    }
}
