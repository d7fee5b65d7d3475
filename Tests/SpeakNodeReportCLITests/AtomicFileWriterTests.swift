import Foundation
import Testing
@testable import SpeakNodeReportCLI

@Suite("Atomic file writing")
struct AtomicFileWriterTests {
    @Test func writesTheTextAndLeavesNoTemporaryFile() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try AtomicFileWriter().write("héllo\n", to: folder.file("a.txt"))
        #expect(try String(contentsOfFile: folder.file("a.txt"), encoding: .utf8) == "héllo\n")
        #expect(folder.contents() == ["a.txt"])
    }

    @Test func replacesAnExistingFile() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = try folder.write("old contents that are longer", to: "a.txt")
        try AtomicFileWriter().write("new", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        #expect(folder.contents() == ["a.txt"])
    }

    @Test("Text written piece by piece appears only on commit, whole; the old file stays until then")
    func piecesAppearOnCommit() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = try folder.write("old", to: "report.xml")
        let file = try AtomicFile(path: path)
        for piece in ["<a>", String(repeating: "é", count: 100_000)] { file.write(piece) }
        // A rendered report's pieces come as bytes.
        file.write(Array("</a>".utf8))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old", "nothing shows while writing")
        try file.commit()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "<a>" + String(repeating: "é", count: 100_000) + "</a>")
        #expect(folder.contents() == ["report.xml"])
    }

    @Test("A file longer than the background-flush interval is committed whole, in order")
    func longFileFlushedInTheBackgroundIsWhole() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = try folder.write("old", to: "junit.xml")
        let flushInterval = 64 << 10
        let file = try AtomicFile(path: path, flushInterval: flushInterval)
        // Pieces of 16 KiB, each filled with its own byte, past twenty flush intervals.
        let pieceSize = 16 << 10
        let pieces = 20 * flushInterval / pieceSize + 1
        for index in 0..<pieces { file.write([UInt8](repeating: UInt8(ascii: "a") + UInt8(index % 26), count: pieceSize)) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old", "nothing shows while writing")
        try file.commit()
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(written.count == pieces * pieceSize)
        let wrongPieces = (0..<pieces).filter { index in
            written[index * pieceSize..<(index + 1) * pieceSize].contains { $0 != UInt8(ascii: "a") + UInt8(index % 26) }
        }
        #expect(wrongPieces.isEmpty)
        #expect(folder.contents() == ["junit.xml"])
    }

    @Test("A long file discarded while flushes run leaves the destination as it was and nothing behind")
    func discardWhileFlushing() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = try folder.write("old", to: "report.html")
        let file = try AtomicFile(path: path, flushInterval: 64 << 10)
        let piece = [UInt8](repeating: UInt8(ascii: "x"), count: 64 << 10)
        for _ in 0..<8 { file.write(piece) }
        file.discard()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(folder.contents() == ["report.html"])
    }

    @Test("A discarded file leaves the destination as it was and nothing behind")
    func discardLeavesNothing() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = try folder.write("old", to: "report.xml")
        let file = try AtomicFile(path: path)
        file.write("half a report")
        file.discard()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(folder.contents() == ["report.xml"])
        #expect(throws: CommandFailure.self) { try file.commit() }
    }

    @Test func createsMissingParentFolders() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try AtomicFileWriter().write("x", to: folder.file("a/b/c.txt"))
        #expect(FileManager.default.fileExists(atPath: folder.file("a/b/c.txt")))
    }

    @Test func refusesToReplaceAFolder() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.file("out"), withIntermediateDirectories: false)
        #expect(throws: CommandFailure("cannot write \(folder.file("out")): it is a directory")) {
            try AtomicFileWriter().write("x", to: folder.file("out"))
        }
        #expect(folder.contents() == ["out"])
    }

    @Test(.enabled(if: getuid() != 0, "root can write into read-only folders"))
    func aFailedWriteNamesThePathAndLeavesNothingBehind() throws {
        let folder = try TemporaryDirectory()
        defer {
            chmod(folder.path, 0o755)
            folder.remove()
        }
        let existing = try folder.write("kept", to: "a.txt")
        chmod(folder.path, 0o555)
        do {
            try AtomicFileWriter().write("new", to: existing)
            Issue.record("writing into a read-only folder succeeded")
        } catch {
            #expect(error.message.hasPrefix("cannot write \(existing): "))
            #expect(error.message.contains("ermission denied"))
        }
        #expect(folder.contents() == ["a.txt"])
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "kept")
    }

    @Test func aFileInThePlaceOfTheParentFolderIsAnError() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let blocker = try folder.write("", to: "blocker")
        #expect(throws: CommandFailure.self) {
            try AtomicFileWriter().write("x", to: blocker + "/a.txt")
        }
        #expect(folder.contents() == ["blocker"])
    }
}
