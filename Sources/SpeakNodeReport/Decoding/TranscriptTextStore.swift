#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where a worker puts the message texts of the transcripts it decodes: each conversation's
/// texts one after another in one buffer, and a text seen before only once.
///
/// Texts are collected while a conversation's history is read, in a buffer that keeps being
/// reused; when the history ends (``finishConversation(_:)``) they are copied into a buffer
/// of their exact size, which nobody changes afterwards, and the history's items get their
/// ``SharedUTF8Text`` in it. One allocation per conversation then holds texts that were one
/// `String` each (see ``SharedUTF8Text`` for why that matters).
///
/// A text seen before — in an earlier conversation of the same worker, or earlier in this
/// one — is found by its ``TextHash`` and refers to the bytes already stored: every attempt of
/// a test replays the same scripted caller lines, and redeliveries repeat whole transcripts.
/// One store serves one worker, never two threads. It is a value kept by the worker's
/// ``RepeatedStrings``, which lends it for a whole history (``RepeatedStrings/withTranscriptTexts(_:)``):
/// a history costs one exclusivity check, rather than one for each text or for each of the
/// store's properties a text touches.
struct TranscriptTextStore {
    /// Where a text is stored: a buffer (an index into `buffers`, or `buffers.count` for the
    /// conversation being read) and a range of it.
    private struct Entry {
        var buffer: UInt32
        var start: UInt32
        var count: UInt32
        var isASCII: Bool
    }

    /// A history item whose content is in the conversation being read, waiting for its buffer.
    private struct WaitingItem {
        var item: Int
        var start: Int
        var count: Int
        var isASCII: Bool
    }

    /// Whether texts seen before are looked up; without it, each text is simply added.
    private let sharesRepeats: Bool
    private var slots = SharingSlots()
    private var entries: [Entry] = []
    /// The finished conversations' buffers, kept for finding texts in them.
    private var buffers: [[UInt8]] = []
    /// The texts of the conversation being read.
    private var current: [UInt8] = []
    private var waiting: [WaitingItem] = []

    /// - Parameter sharesRepeats: whether a text seen before is stored once. Worth it for many
    ///   deliveries; a store for one delivery only puts its texts together.
    init(sharesRepeats: Bool = true) {
        self.sharesRepeats = sharesRepeats
    }

    /// Starts a conversation's history. Texts collected for one that was not finished (its
    /// decoding gave up) are kept in a buffer of their own, so what the table found stays true.
    mutating func startConversation() {
        if sharesRepeats && !current.isEmpty { buffers.append(Self.exactCopy(of: current)) }
        current.removeAll(keepingCapacity: true)
        waiting.removeAll(keepingCapacity: true)
    }

    /// The content of history item number `item` of the conversation being read, when its
    /// text is already in a finished buffer; else `nil`, and the item gets its content from
    /// ``finishConversation(_:)``.
    ///
    /// The bytes must be valid UTF-8, all below 0x80 when `isASCII` is true (the scanner checked them).
    mutating func content(ofItem item: Int, _ bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> SharedUTF8Text? {
        guard sharesRepeats, bytes.count > RepeatedStrings.inlineCapacity, bytes.count <= SharedUTF8Text.maximumCount,
              SharingSlots.canNote(index: entries.count)
        else {
            append(bytes, forItem: item, isASCII: isASCII)
            return nil
        }
        let hash = TextHash.hash(bytes)
        switch slots.probe(hash: hash, isSame: { isEntry($0, equalTo: bytes) }) {
        case .found(let index):
            let entry = entries[index]
            let range = Int(entry.start)..<Int(entry.start) + Int(entry.count)
            if Int(entry.buffer) < buffers.count {
                if let text = SharedUTF8Text(in: buffers[Int(entry.buffer)], range: range, isASCII: entry.isASCII) {
                    return text
                }
                append(bytes, forItem: item, isASCII: isASCII)
            } else {
                waiting.append(WaitingItem(item: item, start: range.lowerBound, count: range.count, isASCII: entry.isASCII))
            }
        case .free(let slot):
            if let bufferIndex = UInt32(exactly: buffers.count), let start = UInt32(exactly: current.count) {
                slots.note(index: entries.count, hash: hash, at: slot)
                entries.append(Entry(buffer: bufferIndex, start: start, count: UInt32(bytes.count), isASCII: isASCII))
            }
            append(bytes, forItem: item, isASCII: isASCII)
        case .full:
            append(bytes, forItem: item, isASCII: isASCII)
        }
        return nil
    }

    /// Ends the conversation being read: its texts move into a buffer of their own, and the
    /// items waiting for them get them.
    mutating func finishConversation(_ items: inout [HistoryItem]) {
        guard !current.isEmpty || !waiting.isEmpty else { return }
        let buffer = Self.exactCopy(of: current)
        for waitingItem in waiting {
            let range = waitingItem.start..<waitingItem.start + waitingItem.count
            if let text = SharedUTF8Text(in: buffer, range: range, isASCII: waitingItem.isASCII) {
                items[waitingItem.item].setContent(.shared(text))
            } else {
                // Only past 4 GiB of text in one conversation, or 2 GiB in one message.
                items[waitingItem.item].setContent(.long(buffer.withUnsafeBufferPointer { all in
                    String(alreadyValidatedUTF8: UnsafeBufferPointer(rebasing: all[range]), isASCII: waitingItem.isASCII)
                }))
            }
        }
        if sharesRepeats { buffers.append(buffer) }
        current.removeAll(keepingCapacity: true)
        waiting.removeAll(keepingCapacity: true)
    }

    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, forItem item: Int, isASCII: Bool) {
        waiting.append(WaitingItem(item: item, start: current.count, count: bytes.count, isASCII: isASCII))
        current.append(contentsOf: bytes)
    }

    /// Whether entry `index` holds exactly `bytes`.
    private func isEntry(_ index: Int, equalTo bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let entry = entries[index]
        guard Int(entry.count) == bytes.count else { return false }
        let stored = Int(entry.start)..<Int(entry.start) + bytes.count
        func matches(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
            SameBytes.check(UnsafeBufferPointer(rebasing: buffer[stored]), bytes)
        }
        if Int(entry.buffer) < buffers.count {
            return buffers[Int(entry.buffer)].withUnsafeBufferPointer(matches)
        }
        return current.withUnsafeBufferPointer(matches)
    }

    /// The bytes in a buffer of exactly their size, not shared with `bytes` (which is reused).
    private static func exactCopy(of bytes: [UInt8]) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: bytes.count) { copy, initialized in
            bytes.withUnsafeBufferPointer { source in
                if let target = copy.baseAddress, let start = source.baseAddress { target.initialize(from: start, count: source.count) }
            }
            initialized = bytes.count
        }
    }
}
