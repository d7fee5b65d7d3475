import SpeakNodeReport
import Testing
@testable import SpeakNodeReportCLI

@Suite("Summary and colour")
struct SummaryTests {
    func report(failed: Int = 0, redeliveries: Int = 0, nonTest: Int = 0, problems: [InputProblem] = []) -> Report {
        Report(
            runs: [],
            totals: Counts(tests: 4, passed: 2 - failed + 1, failed: failed, errors: 1, skipped: 0, flaky: 1,
                           attempts: 6, duration: 0),
            policy: .latest, redeliveries: redeliveries, nonTestDeliveries: nonTest, problems: problems,
            generatedAt: nil)
    }

    @Test func theVerdictLineCountsEverything() {
        let summary = RunSummary(report: report(failed: 1), written: [], style: TerminalStyle(isEnabled: false))
        #expect(summary.verdict == "FAILED: 4 tests, 2 passed, 1 failed, 1 error, 0 skipped, 1 flaky, 6 attempts")
    }

    @Test func leftOutDeliveriesProblemsAndFilesAreListed() {
        let problems = [
            InputProblem(source: SourceLocation(file: "b.ndjson", line: 7), reason: "not JSON"),
            InputProblem(source: SourceLocation(file: "a.json"), reason: "cannot read: no such file"),
        ]
        let summary = RunSummary(
            report: report(redeliveries: 2, nonTest: 3, problems: problems),
            written: [WrittenFile(format: .junit, path: "r/junit.xml")],
            style: TerminalStyle(isEnabled: false))
        #expect(Array(summary.lines.dropFirst()) == [
            "2 deliveries were redeliveries of a session already seen, left out",
            "3 deliveries were not test conversations",
            "warning: a.json: cannot read: no such file",
            "warning: b.ndjson:7: not JSON",
            "wrote JUnit XML to r/junit.xml",
        ])
    }

    @Test func singularCountsReadNaturally() {
        let summary = RunSummary(report: report(redeliveries: 1, nonTest: 1), written: [], style: TerminalStyle(isEnabled: false))
        #expect(summary.lines.contains("1 delivery was not a test conversation"))
        #expect(summary.lines.contains("1 delivery was a redelivery of a session already seen, left out"))
    }

    @Test func colourOnlyOnATerminalWithoutNoColor() {
        #expect(Console(environment: [:], standardErrorIsTerminal: true).usesColor)
        #expect(!Console(environment: [:], standardErrorIsTerminal: false).usesColor)
        #expect(!Console(environment: ["NO_COLOR": "1"], standardErrorIsTerminal: true).usesColor)
        #expect(Console(environment: ["NO_COLOR": ""], standardErrorIsTerminal: true).usesColor,
                "an empty NO_COLOR does not count")
    }

    @Test func paintedTextUsesANSIEscapesOnlyWhenEnabled() {
        #expect(TerminalStyle(isEnabled: true).paint("FAILED", .red) == "\u{1B}[31mFAILED\u{1B}[0m")
        #expect(TerminalStyle(isEnabled: false).paint("FAILED", .red) == "FAILED")
        let coloured = RunSummary(report: report(failed: 1), written: [], style: TerminalStyle(isEnabled: true))
        #expect(coloured.verdict.hasPrefix("\u{1B}[31mFAILED\u{1B}[0m: "))
    }

    @Test func usageErrorsAreColouredOnlyOnATerminal() {
        let terminal = RecordingConsole()
        terminal.isTerminal = true
        _ = terminal.run(["nope"])
        #expect(terminal.error.hasPrefix("\u{1B}[31merror:\u{1B}[0m "))

        let noColor = RecordingConsole()
        noColor.isTerminal = true
        noColor.environment = ["NO_COLOR": "yes"]
        _ = noColor.run(["nope"])
        #expect(noColor.error.hasPrefix("error: "))
        #expect(!noColor.error.contains("\u{1B}"))
    }
}
