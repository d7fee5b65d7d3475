import Foundation
import Testing
@testable import SpeakNodeReport

/// Decoded deliveries share the storage of text they repeat; sharing must never change a value.
@Suite("Repeated strings")
struct RepeatedStringsTests {
    /// Whether two strings use the same storage (not merely equal text).
    private func sameStorage(_ first: String, _ second: String) -> Bool {
        var first = first, second = second
        return first.withUTF8 { one in second.withUTF8 { other in one.baseAddress == other.baseAddress } }
    }

    /// Whether two items' contents are the same bytes of one shared buffer.
    private func sameContentStorage(_ first: HistoryItem?, _ second: HistoryItem?) -> Bool {
        guard let first, let second else { return false }
        let firstStart = first.withContentUTF8 { $0.baseAddress }, secondStart = second.withContentUTF8 { $0.baseAddress }
        return firstStart != nil && firstStart == secondStart
    }

    private func string(_ table: RepeatedStrings, _ text: String) -> String {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { table.string(alreadyValidatedUTF8: $0, isASCII: text.utf8.allSatisfy { $0 < 0x80 }) }
    }

    @Test("the same text twice is one string; other text is another")
    func sharing() {
        let table = RepeatedStrings()
        let greeting = "Hello, thanks for calling, how can I help you today?"
        let first = string(table, greeting)
        let again = string(table, greeting)
        let other = string(table, greeting + "!")
        #expect(first == greeting && again == greeting && other == greeting + "!")
        #expect(sameStorage(first, again))
        #expect(!sameStorage(first, other))
    }

    @Test("text of every length, ASCII or not, comes back as it went in, across the table's growth")
    func manyStrings() {
        let table = RepeatedStrings()
        let texts = (0..<5_000).map { index in
            String(repeating: index.isMultiple(of: 3) ? "é" : "a", count: index % 40) + "\(index)"
        }
        let first = texts.map { string(table, $0) }
        let second = texts.map { string(table, $0) }
        #expect(first == texts)
        #expect(second == texts)
        #expect(first.map(\.count) == texts.map(\.count))
        for (one, other) in zip(first, second) where one.utf8.count > RepeatedStrings.inlineCapacity {
            #expect(sameStorage(one, other))
        }
    }

    @Test("deliveries decoded by one worker share their repeated transcript lines and fields")
    func decodedDeliveriesShare() throws {
        let line = "I think my debit card was stolen at the train station this morning."
        let delivery = #"{"event":"ConversationComplete","data":{"agent_name":"Hotel Reception Desk Agent","history":[{"role":"User","content":"\#(line)"}]}}"#
        let table = RepeatedStrings()
        var batch = InputBatch()
        for file in ["one.json", "two.json"] {
            Array(delivery.utf8).withUnsafeBufferPointer { bytes in
                DeliveryContentsDecoder().decode(bytes, file: file, format: .json, sharing: table, into: &batch)
            }
        }
        #expect(batch.problems.isEmpty)
        let contents = batch.deliveries.compactMap { $0.conversation?.history.first?.content }
        let names = batch.deliveries.compactMap { $0.conversation?.agentName }
        #expect(contents == [line, line])
        #expect(names == ["Hotel Reception Desk Agent", "Hotel Reception Desk Agent"])
        let items = batch.deliveries.map { $0.conversation?.history.first }
        #expect(sameContentStorage(items[0], items[1]))
        #expect(sameStorage(names[0], names[1]))
    }

    @Test("one large input shares its repeated strings; a small one decodes to the same values")
    func publicDecoding() throws {
        let line = "Hello, thanks for calling, how can I help you today?"
        let delivery = #"{"data":{"history":[{"role":"Assistant","content":"\#(line)"}],"url_parameters":{"pad":"\#(String(repeating: "x", count: 2_000))"}}}"#
        for count in [2, DeliveryContentsDecoder.sharingThreshold / delivery.utf8.count + 1] {
            let text = "[" + Array(repeating: delivery, count: count).joined(separator: ",") + "]"
            let batch = DeliveryContentsDecoder().decode(Array(text.utf8), file: "in.json", format: .json)
            let contents = batch.deliveries.compactMap { $0.conversation?.history.first?.content }
            #expect(contents == Array(repeating: line, count: count))
            if text.utf8.count >= DeliveryContentsDecoder.sharingThreshold {
                let items = batch.deliveries.map { $0.conversation?.history.first }
                #expect(sameContentStorage(items[0], items[count - 1]))
            }
        }
    }

    @Test("strings with escapes decode to the same text, shared or not, and count their characters right")
    func escapedStrings() throws {
        let escaped = #""caf\u00e9 \"quoted\"\n\ud83d\ude42 and a lone \ud800 here, tab\t end""#
        let expected = "café \"quoted\"\n🙂 and a lone \u{FFFD} here, tab\t end"
        let table = RepeatedStrings()
        try Array(escaped.utf8).withUnsafeBufferPointer { bytes in
            var plain = try JSONScanner(document: bytes, maximumDepth: 8)
            var shared = try JSONScanner(document: bytes, maximumDepth: 8)
            let parsed = try plain.parseString()
            let first = try shared.parseString(sharing: table)
            shared.position = 0
            let second = try shared.parseString(sharing: table)
            #expect(parsed == expected && first == expected && second == expected)
            #expect(parsed.count == expected.count && parsed.unicodeScalars.count == expected.unicodeScalars.count)
            #expect(sameStorage(first, second))
        }
        let ascii = Array(#""line one\nline two \u0041\/ and more text""#.utf8)
        try ascii.withUnsafeBufferPointer { bytes in
            var scanner = try JSONScanner(document: bytes, maximumDepth: 8)
            let text = try scanner.parseString()
            #expect(text == "line one\nline two A/ and more text")
            #expect(text.count == text.utf8.count)
        }
    }
}
