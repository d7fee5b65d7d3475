import Foundation
import Testing
@testable import SpeakNodeReport

/// A worker's transcript texts: one buffer per conversation, a repeated text stored once, and
/// the sharing table bounded so that crafted input cannot make it slow.
@Suite("Transcript text store")
struct TranscriptTextStoreTests {
    private func baseAddress(_ item: HistoryItem?) -> UnsafePointer<UInt8>? {
        item?.withContentUTF8 { $0.baseAddress } ?? nil
    }

    private func decode(_ deliveries: [String], sharing table: RepeatedStrings) -> InputBatch {
        var batch = InputBatch()
        for (index, delivery) in deliveries.enumerated() {
            Array(delivery.utf8).withUnsafeBufferPointer { bytes in
                DeliveryContentsDecoder().decode(bytes, file: "\(index).json", format: .json, sharing: table, into: &batch)
            }
        }
        return batch
    }

    private func delivery(_ contents: [String]) -> String {
        let items = contents.map { #"{"role":"User","content":"\#($0)"}"# }
        return #"{"data":{"history":[\#(items.joined(separator: ","))]}}"#
    }

    @Test("a conversation's texts share one buffer; a text repeated in it or in a later one is stored once")
    func sharing() {
        let greeting = "Hello, thanks for calling, how can I help you today?"
        let batch = decode([
            delivery([greeting, "I would like to book a table for two, please.", greeting, "ok"]),
            delivery(["Something new that nobody said before today.", greeting]),
        ], sharing: RepeatedStrings())
        let first = batch.deliveries[0].conversation?.history ?? []
        let second = batch.deliveries[1].conversation?.history ?? []
        #expect(first.map(\.content) == [greeting, "I would like to book a table for two, please.", greeting, "ok"])
        #expect(second.map(\.content) == ["Something new that nobody said before today.", greeting])
        #expect(baseAddress(first[0]) == baseAddress(first[2]))
        #expect(baseAddress(second[1]) == baseAddress(first[0]))
        // One buffer: the second text follows the first.
        if let start = baseAddress(first[0]), let next = baseAddress(first[1]) {
            #expect(next == start + greeting.utf8.count)
        }
    }

    @Test("a delivery given up half-way leaves later ones with the right texts")
    func gaveUpHalfWay() {
        let line = "A caller line long enough to be shared between deliveries."
        let broken = #"{"data":{"history":[{"role":"User","content":"\#(line)"},{"role":"User","content":"second text of a broken one"}],"duration_seconds":"not a number"}}"#
        let batch = decode([broken, delivery(["second text of a broken one", line])], sharing: RepeatedStrings())
        #expect(batch.problems.count == 1)
        #expect(batch.deliveries.count == 1)
        #expect(batch.deliveries.first?.conversation?.history.map(\.content) == ["second text of a broken one", line])
    }

    @Test("slots holding only colliding hashes stop probing after a few and leave the text unshared")
    func collidingHashes() {
        var slots = SharingSlots()
        let hash: UInt64 = 0xDEAD_BEEF_0000_0001
        var noted = 0
        for index in 0..<100 {
            switch slots.probe(hash: hash, isSame: { _ in false }) {
            case .free(let slot):
                slots.note(index: index, hash: hash, at: slot)
                noted += 1
            case .full: break
            case .found: Issue.record("nothing should be found")
            }
        }
        #expect(noted == SharingSlots.maximumProbes)
        var probes = 0
        if case .full = slots.probe(hash: hash, isSame: { _ in probes += 1; return false }) {} else { Issue.record("expected a full probe") }
        #expect(probes == SharingSlots.maximumProbes)
        if case .found(let index) = slots.probe(hash: hash, isSame: { $0 == 3 }) { #expect(index == 3) } else { Issue.record("expected to find 3") }
    }

    @Test("many texts, some repeated, come back right across the table's growth")
    func manyTexts() {
        let texts = (0..<3_000).map { "transcript line number \($0 % 1_000) with a little more text é" }
        let batch = decode(stride(from: 0, to: texts.count, by: 30).map { delivery(Array(texts[$0..<$0 + 30])) }, sharing: RepeatedStrings())
        #expect(batch.deliveries.flatMap { $0.conversation?.history.map(\.content) ?? [] } == texts)
    }

    @Test("the text hash depends on every byte and on the length")
    func textHash() {
        func hash(_ text: String) -> UInt64 { Array(text.utf8).withUnsafeBufferPointer(TextHash.hash) }
        let base = "Hello, thanks for calling, how can I help you today?"
        var hashes: Set<UInt64> = [hash(base), hash(""), hash(base + "\0"), hash(String(base.dropLast()))]
        for index in base.utf8.indices {
            var bytes = Array(base.utf8)
            bytes[base.utf8.distance(from: base.utf8.startIndex, to: index)] ^= 1
            hashes.insert(bytes.withUnsafeBufferPointer(TextHash.hash))
        }
        #expect(hashes.count == 4 + base.utf8.count)
    }
}
