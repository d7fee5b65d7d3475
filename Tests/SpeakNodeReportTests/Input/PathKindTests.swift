import Foundation
import Testing
@testable import SpeakNodeReport

@Suite("What a path names, and why a file operation failed")
struct PathKindTests {
    @Test("a folder, a file, a link to each, and nothing at all")
    func kinds() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pathkind-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a.json")
        try Data("{}".utf8).write(to: file)
        let fileLink = folder.appendingPathComponent("link-to-file")
        let folderLink = folder.appendingPathComponent("link-to-folder")
        let brokenLink = folder.appendingPathComponent("broken")
        try FileManager.default.createSymbolicLink(atPath: fileLink.path, withDestinationPath: file.path)
        try FileManager.default.createSymbolicLink(atPath: folderLink.path, withDestinationPath: folder.path)
        try FileManager.default.createSymbolicLink(atPath: brokenLink.path, withDestinationPath: folder.path + "/missing")

        #expect(PathKind(path: folder.path) == .folder)
        #expect(PathKind(path: file.path) == .file)
        #expect(PathKind(path: fileLink.path) == .file)
        #expect(PathKind(path: folderLink.path) == .folder)
        #expect(PathKind(path: brokenLink.path) == nil)
        #expect(PathKind(path: folder.path + "/missing") == nil)
    }

    @Test("a Foundation file error reads as the system's reason")
    func reasons() {
        do {
            _ = try FileManager.default.contentsOfDirectory(atPath: "/nonexistent-\(UUID().uuidString)")
            Issue.record("listing a missing folder succeeded")
        } catch {
            #expect(SystemErrorText.reason(of: error) == String(cString: strerror(ENOENT)))
        }
        #expect(SystemErrorText.reason(of: POSIXError(.EACCES)) == String(cString: strerror(EACCES)))
    }
}
