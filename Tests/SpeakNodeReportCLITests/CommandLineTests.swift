import Foundation
import Testing
@testable import SpeakNodeReportCLI

@Suite("Command line")
struct CommandLineTests {
    @Test func versionGoesToStandardOutput() {
        let recorder = RecordingConsole()
        #expect(recorder.run(["--version"]) == .success)
        #expect(recorder.output == "speaknode-report \(ToolVersion.current)\n")
        #expect(recorder.error.isEmpty)
    }

    @Test func helpGoesToStandardOutput() {
        let recorder = RecordingConsole()
        #expect(recorder.run(["help", "render"]) == .success)
        #expect(recorder.output == HelpFormatter(root: CommandDefinitions.root).help(for: ["render"]))
        let again = RecordingConsole()
        #expect(again.run(["render", "--help"]) == .success)
        #expect(again.output == recorder.output)
    }

    @Test func aUsageErrorIsOneLinePlusUsageWithStatus2() {
        let recorder = RecordingConsole()
        #expect(recorder.run(["render", "in.json", "--tilte", "x"]) == .usageOrInputError)
        #expect(recorder.output.isEmpty)
        #expect(recorder.error == """
            error: unknown option '--tilte'; did you mean '--title'?
            Usage: speaknode-report render INPUT... [options]
            Run 'speaknode-report help render' for more.

            """)
    }

    @Test func noCommandAtAllIsAUsageError() {
        let recorder = RecordingConsole()
        #expect(recorder.run([]) == .usageOrInputError)
        #expect(recorder.error.hasPrefix("error: missing command (one of: render, templates)\nUsage: speaknode-report COMMAND\n"))
        #expect(recorder.error.contains("Run 'speaknode-report --help' for more."))
    }

    @Test func renderWithoutInputNamesTheMissingArgument() {
        let recorder = RecordingConsole()
        #expect(recorder.run(["render", "--out", "x"]) == .usageOrInputError)
        #expect(recorder.error.hasPrefix("error: missing INPUT\n"))
    }
}

@Suite("Render checks paths before reading input")
struct RenderValidationTests {
    /// Runs `render -` so a read of input would show as a read of standard input.
    func render(_ extra: [String]) -> (ExitCode, RecordingConsole) {
        let recorder = RecordingConsole()
        let status = recorder.run(["render", "-"] + extra)
        return (status, recorder)
    }

    @Test func aMissingNamesFileStopsBeforeInputIsRead() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let (status, recorder) = render(["--names", folder.file("nope.json"), "--out", folder.file("out")])
        #expect(status == .usageOrInputError)
        #expect(recorder.error == "error: cannot read names file \(folder.file("nope.json")): no such file\n")
        #expect(recorder.standardInputReads == 0)
        #expect(folder.contents().isEmpty, "nothing is written")
    }

    @Test func aTemplatesPathThatIsAFileOrMissingIsRefused() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = try folder.write("", to: "t.mustache")
        let (status, recorder) = render(["--templates", file, "--out", folder.file("out")])
        #expect(status == .usageOrInputError)
        #expect(recorder.error.contains("is a file"))
        #expect(recorder.standardInputReads == 0)

        let (missing, second) = render(["--templates", folder.file("none"), "--out", folder.file("out")])
        #expect(missing == .usageOrInputError)
        #expect(second.error == "error: templates folder \(folder.file("none")) does not exist\n")
    }

    @Test func anOutputPathThatIsAFolderIsRefused() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.file("junit.xml"), withIntermediateDirectories: false)
        let (status, recorder) = render(["--junit", folder.file("junit.xml")])
        #expect(status == .usageOrInputError)
        #expect(recorder.error == "error: cannot write the JUnit XML to \(folder.file("junit.xml")): it is a directory\n")
        #expect(recorder.standardInputReads == 0)
    }

    @Test func anOutFolderThatIsAFileIsRefused() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = try folder.write("", to: "out")
        let (status, recorder) = render(["--out", file])
        #expect(status == .usageOrInputError)
        #expect(recorder.error == "error: cannot write into \(file): it is a file, not a directory\n")
    }

    @Test func twoReportsOnOnePathAreRefused() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let (status, recorder) = render(["--out", folder.path, "--html", folder.file("summary.md")])
        #expect(status == .usageOrInputError)
        #expect(recorder.error.contains("would both be written to"))
    }
}

@Suite("Output plan")
struct OutputPlanTests {
    @Test func outPutsEveryReportInTheFolderUnderItsDefaultName() throws {
        let plan = try OutputPlan(directory: "r", explicitPaths: [:], defaultDirectory: "reports")
        #expect(plan.files == [
            WrittenFile(format: .junit, path: "r/junit.xml"),
            WrittenFile(format: .markdown, path: "r/summary.md"),
            WrittenFile(format: .html, path: "r/report.html"),
        ])
    }

    @Test func anExplicitPathReplacesOneReportOfTheFolder() throws {
        let plan = try OutputPlan(directory: "r/", explicitPaths: [.junit: "ci/tests.xml"], defaultDirectory: "reports")
        #expect(plan.files.map(\.path) == ["ci/tests.xml", "r/summary.md", "r/report.html"])
    }

    @Test func explicitPathsAloneWriteOnlyThoseReports() throws {
        let plan = try OutputPlan(directory: nil, explicitPaths: [.markdown: "s.md"], defaultDirectory: "reports")
        #expect(plan.files == [WrittenFile(format: .markdown, path: "s.md")])
    }

    @Test func noOutputOptionMeansTheDefaultFolder() throws {
        let plan = try OutputPlan(directory: nil, explicitPaths: [:], defaultDirectory: "reports")
        #expect(plan.files.map(\.path) == ["reports/junit.xml", "reports/summary.md", "reports/report.html"])
    }
}
