import Foundation
import Testing
@testable import SpeakNodeReport

@Suite("FolderSearch and InputFormat")
struct FolderSearchTests {
    @Test("a path's format read from its bytes is the one its lowercased extension names")
    func formatFromBytes() {
        let expected: [(String, InputFormat)] = [
            ("a.json", .json), ("A.JSON", .json), ("dir/x.Json", .json), ("x.jsonl", .ndjson), ("x.JSONL", .ndjson),
            ("x.NdJson", .ndjson), ("x.ndjson", .ndjson), (".json", .detected), ("dir/.json", .detected),
            ("dir.json/readme", .detected), ("a.json.bak", .detected), ("a.", .detected), ("noext", .detected),
            ("a.jso", .detected), ("a.jsonx", .detected), ("a.j$on", .detected), ("a.JSON\r\n", .detected), ("", .detected),
            ("résumé.json", .json), ("dir/é/x.ndjson", .ndjson), ("x.JSÖN", .detected),
            // A prepended mark joins the dot into one character, so the name has no extension.
            ("x\u{600}.json", .detected), ("d\u{600}/x.json", .json),
        ]
        for (path, format) in expected {
            #expect(InputFormat(path: path) == format, "\(path)")
            #expect(InputFormat(lowercasedExtension: InputFormat.lowercasedExtension(of: path)) == format, "\(path)")
        }
    }

    @Test("names sort byte-wise whatever their script; a folder is searched whatever its name")
    func byteOrderAndFolders() throws {
        let folder = try InputTestFolder()
        for name in ["é.json", "z.json", "Z.JSONL", "a b.json", "x.json/inner.json", "x.json/skip.txt", "e\u{301}.json"] {
            try folder.write(name, "{}")
        }
        let found = FolderSearch.deliveryFiles(in: folder.path)
        let relative = ["Z.JSONL", "a b.json", "e\u{301}.json", "x.json/inner.json", "z.json", "é.json"]
        #expect(found.map { Array($0.utf8) } == relative.map { Array((folder.path + "/" + $0).utf8) })
        #expect(FolderSearch.deliveryFiles(in: folder.path + "/") == found)
    }

    @Test("a name that is not valid UTF-8 is shown repaired, and reading it is a problem naming it")
    func invalidUTF8Name() throws {
        let folder = try InputTestFolder()
        try folder.write("b.json", #"{"event":"ConversationComplete","data":{"session_id":"b"}}"#)
        let rawPath = Array((folder.path + "/a").utf8) + [0xFF] + Array(".json".utf8) + [0]
        let descriptor = rawPath.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
        }
        #expect(descriptor >= 0)
        close(descriptor)
        let repaired = folder.path + "/a\u{FFFD}.json"
        #expect(FolderSearch.deliveryFiles(in: folder.path) == [repaired, folder.path + "/b.json"])
        let batch = DeliveryReader().read([folder.path])
        #expect(batch.problems.map(\.source.file) == [repaired])
        #expect(batch.problems.first?.reason.hasPrefix("cannot open") == true)
        #expect(batch.deliveries.map(\.conversation?.sessionID) == ["b"])
    }

    @Test("joined batches hold what appending them in turn holds")
    func joiningBatches() {
        func delivery(_ session: String, _ line: Int) -> Delivery {
            Delivery(event: Delivery.conversationComplete, conversation: Conversation(sessionID: session),
                     source: SourceLocation(file: "f", line: line))
        }
        let problem = InputProblem(source: SourceLocation(file: "g"), reason: "broken")
        let batches = [
            InputBatch(deliveries: [delivery("a", 1), delivery("b", 2)], filesRead: 1),
            InputBatch(),
            InputBatch(problems: [problem], filesRead: 1),
            InputBatch(deliveries: [delivery("c", 3)], problems: [problem], filesRead: 2),
        ]
        var appended = InputBatch()
        for batch in batches { appended.append(contentsOf: batch) }
        #expect(InputBatch(joining: batches) == appended)
        #expect(InputBatch(joining: []) == InputBatch())
        // The batches given are values: joining moved nothing out of them.
        #expect(batches[0].deliveries.map(\.conversation?.sessionID) == ["a", "b"])
    }
}
