import Testing
@testable import SpeakNodeReport

@Suite("DeliveryContentsDecoder")
struct DeliveryContentsDecoderTests {
    private func decode(_ text: String, format: InputFormat, file: String = "in.json",
                        decoder: DeliveryContentsDecoder = DeliveryContentsDecoder()) -> InputBatch {
        decoder.decode(Array(text.utf8), file: file, format: format)
    }

    @Test("NDJSON: blank lines are skipped, a bad line is reported with its number, the rest is kept")
    func ndjsonWithBadLine() {
        let text = """
        {"data":{"session_id":"a"}}

          \t
        {"data":{"session_id": oops}}
        {"data":{"history":{}}}\r
        {"data":{"session_id":"d"}}
        """
        let batch = decode(text, format: .ndjson, file: "runs.ndjson")
        #expect(batch.deliveries.map(\.conversation?.sessionID) == ["a", "d"])
        #expect(batch.deliveries.map(\.source.line) == [1, 6])
        #expect(batch.problems == [
            InputProblem(source: SourceLocation(file: "runs.ndjson", line: 4),
                         reason: "invalid JSON at column 24: expected a value, found 'o'"),
            InputProblem(source: SourceLocation(file: "runs.ndjson", line: 5),
                         reason: "data.history: expected an array, found an object"),
        ])
        #expect(batch.problems.first?.reason.hasPrefix("invalid JSON at column 24: ") == true)
        #expect(batch.filesRead == 0)
    }

    @Test("JSON array: one bad element is a problem, the others still count, with index and line")
    func jsonArrayWithBadElement() {
        let text = """
        [
          {"data":{"session_id":"a"}},
          {"data":{"session_id":5}},
          "not a delivery",
          {"data":{"session_id":"d"}}
        ]
        """
        let batch = decode(text, format: .json)
        #expect(batch.deliveries.map(\.conversation?.sessionID) == ["a", "d"])
        #expect(batch.deliveries.map(\.source) == [
            SourceLocation(file: "in.json", line: 2, index: 0), SourceLocation(file: "in.json", line: 5, index: 3),
        ])
        #expect(batch.problems == [
            InputProblem(source: SourceLocation(file: "in.json", line: 3, index: 1),
                         reason: "data.session_id: expected a string, found a number"),
            InputProblem(source: SourceLocation(file: "in.json", line: 4, index: 2),
                         reason: "expected a delivery object, found a string"),
        ])
    }

    @Test("a number too large for a Double costs only its own array element")
    func numberTooLargeInArray() {
        let text = "[{\"data\":{\"duration_seconds\":1e400}},\n{\"event\":\"ok\"}]"
        let batch = decode(text, format: .json)
        #expect(batch.deliveries.map(\.event) == ["ok"])
        #expect(batch.problems == [InputProblem(
            source: SourceLocation(file: "in.json", line: 1, index: 0),
            reason: "invalid JSON at line 1, column 30: number too large: 1e400")])
    }

    @Test("a JSON syntax error names the line and column in the message")
    func jsonSyntaxError() {
        let batch = decode("{\n  \"event\": \"x\",\n  \"data\": {]\n}", format: .json)
        #expect(batch.deliveries.isEmpty)
        #expect(batch.problems == [InputProblem(
            source: SourceLocation(file: "in.json"),
            reason: "invalid JSON at line 3, column 12: expected a string key in double quotes")])
    }

    @Test("a single delivery object is one delivery located at the file")
    func singleObject() {
        let batch = decode("\u{FEFF}{\"event\":\"ConversationComplete\"}", format: .json)
        #expect(batch.deliveries == [Delivery(event: "ConversationComplete", conversation: nil,
                                              source: SourceLocation(file: "in.json"))])
        #expect(batch.problems.isEmpty)
    }

    @Test("NDJSON after a byte-order mark reads its first line")
    func ndjsonWithByteOrderMark() {
        let batch = decode("\u{FEFF}{\"event\":\"a\"}\n{\"event\":\"b\"}\n", format: .ndjson)
        #expect(batch.deliveries.map(\.event) == ["a", "b"])
    }

    @Test("content decides the format when the name does not", arguments: [
        ("[{\"event\":\"a\"},{\"event\":\"b\"}]", ["a", "b"]),
        ("{\"event\":\"a\"}\n{\"event\":\"b\"}\n\n{\"event\":\"c\"}", ["a", "b", "c"]),
        ("  {\"event\":\"a\"}  \n", ["a"]),
        ("{\n  \"event\": \"a\"\n}\n", ["a"]),
    ])
    func detection(_ text: String, _ events: [String]) {
        let batch = decode(text, format: .detected, file: "-")
        #expect(batch.deliveries.map(\.event) == events)
        #expect(batch.problems.isEmpty)
    }

    @Test("what is not JSON at all is one clear problem", arguments: [
        ("", "empty file"), (" \n\t\n", "empty file"),
        ("<!DOCTYPE html><html>502 Bad Gateway</html>", "not JSON: starts with '<'"),
        ("\u{89}PNG", "not JSON: starts with byte 0xC2"),
        ("Internal Server Error", "not JSON: starts with 'I'"),
    ])
    func notJSON(_ text: String, _ reason: String) {
        for format in [InputFormat.json, .ndjson, .detected] {
            let batch = decode(text, format: format, file: "x.json")
            #expect(batch.problems == [InputProblem(source: SourceLocation(file: "x.json"), reason: reason)])
        }
    }

    @Test("empty standard input says input, not file")
    func emptyStandardInput() {
        #expect(decode("", format: .detected, file: "-").problems.map(\.reason) == ["empty input"])
    }

    @Test("UTF-16 and invalid UTF-8 are reported for the file")
    func encodings() {
        let decoder = DeliveryContentsDecoder()
        let utf16 = decoder.decode([0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00], file: "u.json", format: .json)
        #expect(utf16.problems.map(\.reason) == ["UTF-16 is not supported; convert to UTF-8"])
        let broken = decoder.decode(Array("{\"event\":\"".utf8) + [0xC3, 0x28] + Array("\"}".utf8),
                                    file: "b.json", format: .json)
        #expect(broken.problems.map(\.reason) == ["invalid UTF-8 at line 1, column 11"])
    }

    @Test("several values in a .json file hint at NDJSON")
    func severalValuesInJSONFile() {
        let batch = decode("{\"event\":\"a\"}\n{\"event\":\"b\"}", format: .json)
        #expect(batch.problems.first?.reason.contains("NDJSON") == true)
    }

    @Test("large NDJSON decoded concurrently keeps line order")
    func concurrentNDJSON() {
        var lines: [String] = []
        for index in 0..<5_000 {
            lines.append(index % 997 == 0 ? "{bad" : #"{"data":{"session_id":"s\#(index)"}}"#)
            if index % 10 == 0 { lines.append("") }
        }
        let text = lines.joined(separator: "\n")
        let concurrent = decode(text, format: .ndjson, decoder: DeliveryContentsDecoder(concurrencyThreshold: 1_000))
        let serial = decode(text, format: .ndjson)
        #expect(concurrent == serial)
        #expect(concurrent.deliveries.count == 4_994)
        #expect(concurrent.problems.count == 6)
        let lineNumbers = concurrent.deliveries.compactMap(\.source.line)
        #expect(lineNumbers == lineNumbers.sorted())
        #expect(concurrent.problems.first?.source.line == 1)
    }
}
