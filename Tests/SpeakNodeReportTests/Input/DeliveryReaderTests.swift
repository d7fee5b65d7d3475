import Foundation
import Testing
@testable import SpeakNodeReport

@Suite("DeliveryReader")
struct DeliveryReaderTests {
    private func delivery(_ session: String) -> String {
        #"{"event":"ConversationComplete","data":{"session_id":"\#(session)"}}"#
    }

    private func sessions(_ batch: InputBatch) -> [String?] {
        batch.deliveries.map(\.conversation?.sessionID)
    }

    @Test("a folder is read recursively, filtered by extension, in byte-wise path order, hidden entries skipped")
    func folders() throws {
        let folder = try InputTestFolder()
        try folder.write("b.json", delivery("b"))
        try folder.write("a.ndjson", delivery("a1") + "\n" + delivery("a2") + "\n")
        try folder.write("B.jsonl", delivery("B"))
        try folder.write("sub/c.JSON", "[\(delivery("c"))]")
        try folder.write("sub-x/d.json", delivery("d"))
        try folder.write("notes.txt", delivery("ignored"))
        try folder.write(".hidden.json", delivery("hidden"))
        try folder.write(".git/e.json", delivery("hidden folder"))
        try folder.write("sub/.f.json", delivery("hidden nested"))

        let batch = DeliveryReader().read([folder.path])
        // Byte-wise: "B.jsonl" < "a.ndjson" < "b.json" < "sub-x/d.json" < "sub/c.JSON" ('-' < '/').
        #expect(sessions(batch) == ["B", "a1", "a2", "b", "d", "c"])
        #expect(batch.deliveries.map(\.source.file) == [
            "B.jsonl", "a.ndjson", "a.ndjson", "b.json", "sub-x/d.json", "sub/c.JSON",
        ].map { folder.path + "/" + $0 })
        #expect(batch.problems.isEmpty)
        #expect(batch.filesRead == 5)
    }

    @Test("a folder of many files, read by several workers, keeps the order of its files and problems")
    func manyFiles() throws {
        let folder = try InputTestFolder()
        let names = (0..<101).map { String(format: "f%03d", $0) }
        for (index, name) in names.enumerated() {
            switch index % 10 {
            case 3: try folder.write(name + ".json", "{broken")
            case 7: try folder.write(name + ".ndjson", delivery(name + "a") + "\n" + delivery(name + "b") + "\n")
            default: try folder.write(name + ".json", delivery(name))
            }
        }
        let batch = DeliveryReader().read([folder.path])
        let expected = names.enumerated().flatMap { index, name -> [String] in
            switch index % 10 {
            case 3: []
            case 7: [name + "a", name + "b"]
            default: [name]
            }
        }
        #expect(sessions(batch) == expected)
        #expect(batch.problems.map(\.source.file) == names.enumerated()
            .filter { $0.offset % 10 == 3 }.map { folder.path + "/" + $0.element + ".json" })
        #expect(batch.filesRead == 101)
    }

    @Test("symbolic links are followed: to a file, to a folder once, never round a loop; broken ones are skipped")
    func symbolicLinks() throws {
        let folder = try InputTestFolder()
        let outside = try InputTestFolder()
        let target = try folder.write("data/a.json", delivery("a"))
        try outside.write("b.json", delivery("b"))
        #expect(symlink(target, folder.path + "/linked.json") == 0)
        #expect(symlink(outside.path, folder.path + "/linked-folder") == 0)
        #expect(symlink(folder.path, folder.path + "/data/loop") == 0)
        #expect(symlink(folder.path + "/missing.json", folder.path + "/broken.json") == 0)
        let batch = DeliveryReader().read([folder.path])
        #expect(batch.deliveries.map(\.source.file) == [
            "data/a.json", "linked-folder/b.json", "linked.json",
        ].map { folder.path + "/" + $0 })
        #expect(batch.problems.isEmpty)
    }

    @Test("batches append in order; an empty batch takes the other as it is")
    func appendingBatches() {
        let one = Delivery(event: "One", conversation: nil, source: SourceLocation(file: "1"))
        let two = Delivery(event: "Two", conversation: nil, source: SourceLocation(file: "2"))
        let problem = InputProblem(source: SourceLocation(file: "3"), reason: "broken")
        let first = InputBatch(deliveries: [one], problems: [], filesRead: 1)
        let second = InputBatch(deliveries: [two], problems: [problem], filesRead: 2)
        var batch = InputBatch()
        batch.append(contentsOf: first)
        #expect(batch == first)
        batch.append(contentsOf: second)
        #expect(batch == InputBatch(deliveries: [one, two], problems: [problem], filesRead: 3))
        batch.append(contentsOf: InputBatch())
        #expect(batch == InputBatch(deliveries: [one, two], problems: [problem], filesRead: 3))
        var onlyCounted = InputBatch(filesRead: 1)
        onlyCounted.append(contentsOf: first)
        #expect(onlyCounted == InputBatch(deliveries: [one], filesRead: 2))
    }

    @Test("a folder path with a trailing slash gives clean file paths")
    func folderTrailingSlash() throws {
        let folder = try InputTestFolder()
        try folder.write("x.json", delivery("x"))
        let batch = DeliveryReader().read([folder.path + "/"])
        #expect(batch.deliveries.map(\.source.file) == [folder.path + "/x.json"])
    }

    @Test("a folder without delivery files is a problem")
    func emptyFolder() throws {
        let folder = try InputTestFolder()
        try folder.write("readme.md", "# nothing")
        let batch = DeliveryReader().read([folder.path])
        #expect(batch.problems == [InputProblem(
            source: SourceLocation(file: folder.path), reason: "no .json, .ndjson or .jsonl files in this folder")])
        #expect(batch.filesRead == 0)
    }

    @Test("inputs are read in the order given, problems and all")
    func inputOrder() throws {
        let folder = try InputTestFolder()
        let second = try folder.write("2.json", delivery("two"))
        let first = try folder.write("1.ndjson", delivery("one") + "\n{broken\n")
        let missing = folder.path + "/missing.json"
        let batch = DeliveryReader().read([second, missing, first])
        #expect(sessions(batch) == ["two", "one"])
        #expect(batch.problems.map(\.source) == [
            SourceLocation(file: missing), SourceLocation(file: first, line: 2),
        ])
        #expect(batch.problems.first?.reason == "no such file or folder")
        #expect(batch.filesRead == 2)
    }

    @Test("an empty file is a problem naming the file")
    func emptyFile() throws {
        let folder = try InputTestFolder()
        let path = try folder.write("empty.json", "")
        let batch = DeliveryReader().read([path])
        #expect(batch.problems == [InputProblem(source: SourceLocation(file: path), reason: "empty file")])
        #expect(batch.filesRead == 1)
    }

    @Test("an HTML error page saved as JSON is reported as not JSON")
    func htmlPage() throws {
        let folder = try InputTestFolder()
        let path = try folder.write("page.json", "<html><body>502</body></html>")
        #expect(DeliveryReader().read([path]).problems.map(\.reason) == ["not JSON: starts with '<'"])
    }

    @Test("a UTF-16 file is reported with a hint to convert it")
    func utf16File() throws {
        let folder = try InputTestFolder()
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in delivery("x").utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let path = try folder.write("wide.json", bytes: bytes)
        #expect(DeliveryReader().read([path]).problems.map(\.reason) == ["UTF-16 is not supported; convert to UTF-8"])
    }

    @Test("an unreadable file is a problem naming the file", .enabled(if: getuid() != 0, "root can read anything"))
    func unreadableFile() throws {
        let folder = try InputTestFolder()
        let path = try folder.write("secret.json", delivery("x"))
        chmod(path, 0)
        let batch = DeliveryReader().read([path])
        #expect(batch.problems.map(\.source) == [SourceLocation(file: path)])
        #expect(batch.problems.first?.reason.hasPrefix("cannot open: ") == true)
    }

    @Test("a file named explicitly is read whatever its extension, by its contents")
    func explicitOtherExtension() throws {
        let folder = try InputTestFolder()
        let lines = try folder.write("export.log", delivery("1") + "\n" + delivery("2"))
        let array = try folder.write("export.txt", "[\(delivery("3"))]")
        #expect(sessions(DeliveryReader().read([lines, array])) == ["1", "2", "3"])
    }

    @Test("standard input holding a JSON array")
    func standardInputJSON() {
        let text = "[\(delivery("a")),\n\(delivery("b"))]"
        let reader = DeliveryReader(readStandardInput: { Array(text.utf8) })
        let batch = reader.read(["-"])
        #expect(sessions(batch) == ["a", "b"])
        #expect(batch.deliveries.map(\.source) == [
            SourceLocation(file: "-", line: 1, index: 0), SourceLocation(file: "-", line: 2, index: 1),
        ])
        #expect(batch.filesRead == 1)
    }

    @Test("standard input holding NDJSON")
    func standardInputNDJSON() {
        let text = delivery("a") + "\n\n" + "{nope}\n" + delivery("b") + "\n"
        let reader = DeliveryReader(readStandardInput: { Array(text.utf8) })
        let batch = reader.read(["-"])
        #expect(sessions(batch) == ["a", "b"])
        #expect(batch.deliveries.map(\.source.line) == [1, 4])
        #expect(batch.problems.map(\.source) == [SourceLocation(file: "-", line: 3)])
        #expect(batch.problems.first?.description.hasPrefix("<stdin>:3: invalid JSON at column 2") == true)
    }

    @Test("standard input holding one pretty-printed delivery")
    func standardInputSingle() {
        let text = "{\n  \"event\": \"ConversationComplete\"\n}\n"
        let reader = DeliveryReader(readStandardInput: { Array(text.utf8) })
        let batch = reader.read(["-"])
        #expect(batch.deliveries == [Delivery(event: "ConversationComplete", conversation: nil,
                                              source: SourceLocation(file: "-"))])
    }

    @Test("standard input that cannot be read is a problem")
    func standardInputFailure() {
        struct Broken: Error, CustomStringConvertible {
            var description: String { "cannot read: Input/output error" }
        }
        let reader = DeliveryReader(readStandardInput: { throw Broken() })
        let batch = reader.read(["-"])
        #expect(batch.problems == [InputProblem(source: SourceLocation(file: "-"),
                                                reason: "cannot read: Input/output error")])
        #expect(batch.filesRead == 0)
    }

    @Test("reading a large file returns every byte")
    func largeFileRead() throws {
        let folder = try InputTestFolder()
        let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let path = try folder.write("big.bin", bytes: bytes)
        #expect(try FileReading.readFile(atPath: path) == bytes)
    }
}
