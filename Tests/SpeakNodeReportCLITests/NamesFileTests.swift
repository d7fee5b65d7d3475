import Foundation
import Testing
@testable import SpeakNodeReportCLI

@Suite("Names file")
struct NamesFileTests {
    func parse(_ json: String) throws(CommandFailure) -> [String: String] {
        try NamesFile.parse(Data(json.utf8), path: "names.json")
    }

    @Test func readsAnObjectOfStrings() throws {
        #expect(try parse(#"{"t1": "Books a table", "t2": "<b>é</b>"}"#) == ["t1": "Books a table", "t2": "<b>é</b>"])
        #expect(try parse("{}") == [:])
    }

    @Test func refusesAnythingButAnObject() {
        #expect(throws: CommandFailure("names file names.json must hold a JSON object of test_id → name, not an array")) {
            try parse(#"["t1"]"#)
        }
        #expect(throws: CommandFailure("names file names.json must hold a JSON object of test_id → name, not a string")) {
            try parse(#""t1""#)
        }
    }

    @Test func refusesNonStringNamesNamingTheKey() {
        #expect(throws: CommandFailure(#"names file names.json: the name for "t2" must be a string, not a number"#)) {
            try parse(#"{"t1": "a", "t2": 3}"#)
        }
        #expect(throws: CommandFailure(#"names file names.json: the name for "t1" must be a string, not null"#)) {
            try parse(#"{"t1": null}"#)
        }
    }

    @Test func refusesInvalidJSON() {
        do {
            _ = try parse("{nope")
            Issue.record("invalid JSON was accepted")
        } catch {
            #expect(error.message.hasPrefix("names file names.json is not valid JSON: "))
        }
    }

    @Test func saysWhyAFileCannotBeRead() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        #expect(throws: CommandFailure("cannot read names file \(folder.path): it is a directory")) {
            try NamesFile.load(from: folder.path)
        }
        let path = try folder.write(#"{"a": "b"}"#, to: "n.json")
        #expect(try NamesFile.load(from: path) == ["a": "b"])
    }
}
