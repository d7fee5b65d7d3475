import Foundation
import Testing
@testable import SpeakNodeReport

/// A history item's content lives in a buffer shared with other texts (``SharedUTF8Text``);
/// to its users it must behave exactly like the plain `String?` it was.
@Suite("Shared item content")
struct SharedContentTests {
    private static let texts = [
        "", "Hi", "exactly fifteen", "sixteen bytes!!!", "Hello, thanks for calling, how can I help you today?",
        "Emoji 🙂👍🏽, RTL مرحبا بك, CJK 你好世界, combining é", "line one\nline two\r\nline three \"quoted\" \\ tab\t",
        String(repeating: "long text ", count: 500),
    ]

    /// The deliveries' items, decoded the direct way (shared buffers) or the general way.
    private func decodedItems(_ texts: [String], direct: Bool) throws -> [HistoryItem] {
        let history = try texts.map { text -> String in
            let json = String(decoding: try JSONEncoder().encode(text), as: UTF8.self)
            return #"{"role":"User","kind":"Message","content":\#(json)}"#
        }
        let delivery = #"{"event":"ConversationComplete","data":{"history":[\#(history.joined(separator: ","))]}}"#
        var decoder = DeliveryContentsDecoder()
        decoder.usesDirectDecoding = direct
        var batch = InputBatch()
        Array(delivery.utf8).withUnsafeBufferPointer { bytes in
            decoder.decode(bytes, file: "in.json", format: .json, sharing: RepeatedStrings(), into: &batch)
        }
        #expect(batch.problems.isEmpty)
        return batch.deliveries.first?.conversation?.history ?? []
    }

    @Test("content reads back as stored, with its length and bytes, however it was stored")
    func roundTrip() throws {
        let direct = try decodedItems(Self.texts, direct: true)
        let general = try decodedItems(Self.texts, direct: false)
        let built = Self.texts.map { HistoryItem(role: "User", content: $0, kind: "Message") }
        var set = built.map { _ in HistoryItem(role: "User", kind: "Message") }
        for index in set.indices { set[index].content = Self.texts[index] }
        for items in [direct, general, built, set] {
            #expect(items.map(\.content) == Self.texts)
            #expect(items.map(\.contentUTF8Count) == Self.texts.map(\.utf8.count))
            #expect(items.map { $0.withContentUTF8 { Array($0) } } == Self.texts.map { Array($0.utf8) })
            #expect(items.allSatisfy { $0.hasContent })
            #expect(items.map { $0.content?.count } == Self.texts.map(\.count))
        }
        #expect(direct == general && general == built && built == set)
        #expect(direct.map(\.hashValue) == built.map(\.hashValue))
        #expect(Set(direct + general + built + set).count == Self.texts.count)
    }

    @Test("escaped text decodes to the same content as the general decoder gives")
    func escapes() throws {
        let escaped = #"caf\u00e9 \"quoted\"\n\ud83d\ude42 a lone \ud800 here, \u000d\/ tab\t end of a longer line"#
        let delivery = #"{"data":{"history":[{"role":"User","content":"\#(escaped)"},{"role":"User","content":"\#(escaped)"}]}}"#
        var general = DeliveryContentsDecoder()
        general.usesDirectDecoding = false
        let direct = DeliveryContentsDecoder().decode(Array(delivery.utf8), file: "in.json", format: .json)
        let expected = general.decode(Array(delivery.utf8), file: "in.json", format: .json)
        let items = direct.deliveries.first?.conversation?.history ?? []
        #expect(items.count == 2)
        #expect(items.first?.content == "café \"quoted\"\n🙂 a lone \u{FFFD} here, \r/ tab\t end of a longer line")
        #expect(direct == expected)
    }

    @Test("no content, an empty one and a changed one")
    func settingContent() {
        var item = HistoryItem(role: "Assistant", kind: "Message")
        #expect(item.content == nil && !item.hasContent && item.contentUTF8Count == nil)
        #expect(item.withContentUTF8 { $0.count } == nil)
        item.content = ""
        #expect(item.content == "" && item.hasContent && item.contentUTF8Count == 0)
        #expect(item != HistoryItem(role: "Assistant", kind: "Message"))
        let copy = item
        item.content = "Something else entirely, long enough to need storage"
        #expect(copy.content == "" && item.content == "Something else entirely, long enough to need storage")
        item.content = nil
        #expect(item == HistoryItem(role: "Assistant", kind: "Message"))
        #expect(item.hashValue == HistoryItem(role: "Assistant", kind: "Message").hashValue)
    }

    @Test("contents equal as strings are equal items with equal hashes, even with different bytes")
    func canonicalEquivalence() {
        let pairs = [("caf\u{E9} au lait, s'il vous plaît", "cafe\u{301} au lait, s'il vous plaît"), ("a question;", "a question\u{37E}")]
        for (composed, decomposed) in pairs {
            #expect(composed == decomposed && Array(composed.utf8) != Array(decomposed.utf8))
            let first = HistoryItem(role: "User", content: composed), second = HistoryItem(role: "User", content: decomposed)
            #expect(first == second)
            #expect(first.hashValue == second.hashValue)
        }
        #expect(HistoryItem(content: "plain ASCII text here") != HistoryItem(content: "plain ASCII text there"))
    }

    @Test("a text points into its buffer only where the range fits")
    func sharedTextRanges() {
        let buffer = Array("0123456789abcdefghij".utf8)
        let middle = SharedUTF8Text(in: buffer, range: 5..<15, isASCII: true)
        #expect(middle?.string == "56789abcde" && middle?.count == 10 && middle?.isASCII == true)
        #expect(SharedUTF8Text(in: buffer, range: 15..<21, isASCII: true) == nil)
        #expect(SharedUTF8Text(in: buffer, range: 0..<0, isASCII: true)?.string == "")
        let unicode = SharedUTF8Text("Ünïcode — ok")
        #expect(unicode?.string == "Ünïcode — ok" && unicode?.isASCII == false)
        #expect(SharedUTF8Text.maximumCount == Int(UInt32.max >> 1))
    }

    @Test("an item is no larger than before its content was shared")
    func layout() {
        #expect(MemoryLayout<SharedUTF8Text?>.size == 16)
        #expect(MemoryLayout<HistoryItem>.stride <= 104)
    }
}
