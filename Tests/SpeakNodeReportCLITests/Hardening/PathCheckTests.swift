import Foundation
import Testing
@testable import SpeakNodeReportCLI

/// `--out`, `--templates`, `--names` and report paths that cannot work are refused with one
/// clear error before any input is read, and nothing is written.
@Suite("Hardening: paths checked before any work")
struct PathCheckTests {
    static let delivery = #"{"event":"ConversationComplete","data":{"session_id":"s","test_run_id":"r","test_id":"t","test_eval_result":{"success":true}}}"#

    /// Runs `render -` with `arguments`; expects exit 2, exactly `error`, and no input read.
    func expectRefused(_ arguments: [String], error: String, in folder: TemporaryDirectory,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        let before = folder.contents()
        let console = RecordingConsole()
        console.standardInput = Array(Self.delivery.utf8)
        #expect(console.run(["render", "-"] + arguments) == .usageOrInputError, sourceLocation: sourceLocation)
        #expect(console.error == "error: \(error)\n", sourceLocation: sourceLocation)
        #expect(console.standardInputReads == 0, "no input is read", sourceLocation: sourceLocation)
        #expect(folder.contents() == before, "nothing is written", sourceLocation: sourceLocation)
    }

    @Test func outThatIsAFile() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = try folder.write("x", to: "file")
        expectRefused(["--out", file], error: "cannot write into \(file): it is a file, not a directory", in: folder)
    }

    @Test func outBelowAFile() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = try folder.write("x", to: "file")
        expectRefused(["--out", file + "/reports/ci"],
                      error: "cannot write into \(file)/reports/ci: \(file) is a file, not a directory", in: folder)
    }

    @Test(.enabled(if: getuid() != 0, "root may write into any folder"))
    func outInAFolderWithoutWritePermission() throws {
        let folder = try TemporaryDirectory()
        defer {
            chmod(folder.file("locked"), 0o755)
            folder.remove()
        }
        try FileManager.default.createDirectory(atPath: folder.file("locked"), withIntermediateDirectories: false)
        chmod(folder.file("locked"), 0o555)
        expectRefused(["--out", folder.file("locked")],
                      error: "cannot write into \(folder.file("locked")): permission denied", in: folder)
        expectRefused(["--out", folder.file("locked/new")],
                      error: "cannot write into \(folder.file("locked/new")): \(folder.file("locked")): permission denied",
                      in: folder)
    }

    @Test func reportPathThatIsAFolderIsRefusedNotReplaced() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.file("junit.xml"), withIntermediateDirectories: false)
        _ = try folder.write("keep", to: "junit.xml/inside")
        expectRefused(["--junit", folder.file("junit.xml")],
                      error: "cannot write the JUnit XML to \(folder.file("junit.xml")): it is a directory", in: folder)
        expectRefused(["--out", folder.path],
                      error: "cannot write the JUnit XML to \(folder.file("junit.xml")): it is a directory", in: folder)
        #expect(try String(contentsOfFile: folder.file("junit.xml/inside"), encoding: .utf8) == "keep")
    }

    @Test func templatesThatAreMissingOrAFile() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = try folder.write("x", to: "file")
        expectRefused(["--templates", folder.file("missing"), "--out", folder.file("out")],
                      error: "templates folder \(folder.file("missing")) does not exist", in: folder)
        expectRefused(["--templates", file, "--out", folder.file("out")],
                      error: "--templates \(file) is a file; give the folder that holds the templates", in: folder)
    }

    @Test func namesThatAreMissingAFolderOrNotJSON() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let broken = try folder.write("{\"t\": ", to: "broken.json")
        expectRefused(["--names", folder.file("missing.json"), "--out", folder.file("out")],
                      error: "cannot read names file \(folder.file("missing.json")): no such file", in: folder)
        expectRefused(["--names", folder.path, "--out", folder.file("out")],
                      error: "cannot read names file \(folder.path): it is a directory", in: folder)
        let console = RecordingConsole()
        #expect(console.run(["render", "-", "--names", broken, "--out", folder.file("out")]) == .usageOrInputError)
        #expect(console.error.hasPrefix("error: names file \(broken) is not valid JSON: "))
        #expect(console.standardInputReads == 0)
    }
}
