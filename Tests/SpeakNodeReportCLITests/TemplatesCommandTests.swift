import Foundation
import SpeakNodeReport
import Testing
@testable import SpeakNodeReportCLI

@Suite("templates command")
struct TemplatesCommandTests {
    @Test func writesEveryBuiltInTemplateIntoANewFolder() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let target = folder.file("my/templates")
        let recorder = RecordingConsole()
        #expect(recorder.run(["templates", target]) == .success)
        for template in TemplateSet.builtinFiles {
            let path = target + "/" + template.fileName
            #expect(try String(contentsOfFile: path, encoding: .utf8) == template.contents)
            #expect(recorder.error.contains("wrote \(path)\n"))
        }
        let written = try FileManager.default.contentsOfDirectory(atPath: target).sorted()
        #expect(written == TemplateSet.builtinFiles.map(\.fileName).sorted(), "no temporary files are left")
    }

    @Test func refusesToReplaceExistingFilesWithoutForce() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let first = try #require(TemplateSet.builtinFiles.first)
        let edited = try folder.write("my edit", to: first.fileName)

        let recorder = RecordingConsole()
        #expect(recorder.run(["templates", folder.path]) == .usageOrInputError)
        #expect(recorder.error.contains("not replacing existing file \(edited) (use --force)"))
        #expect(try String(contentsOfFile: edited, encoding: .utf8) == "my edit")
        #expect(folder.contents() == [first.fileName], "nothing at all is written")

        let forced = RecordingConsole()
        #expect(forced.run(["templates", "--force", folder.path]) == .success)
        #expect(try String(contentsOfFile: edited, encoding: .utf8) == first.contents)
    }

    @Test func refusesAFileAsTheFolder() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = try folder.write("", to: "plain")
        let recorder = RecordingConsole()
        #expect(recorder.run(["templates", file]) == .usageOrInputError)
        #expect(recorder.error == "error: \(file) is a file, not a directory\n")
    }

    @Test func needsAFolder() {
        let recorder = RecordingConsole()
        #expect(recorder.run(["templates"]) == .usageOrInputError)
        #expect(recorder.error.hasPrefix("error: missing DIR\nUsage: speaknode-report templates DIR [options]\n"))
    }
}
