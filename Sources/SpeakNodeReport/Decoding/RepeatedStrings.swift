#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Gives text that comes back again and again one shared `String` instead of a copy each time.
///
/// Deliveries repeat themselves: every attempt of a test replays the same scripted caller
/// lines, the agent greets each caller with the same sentence, redeliveries repeat whole
/// conversations, and the agent, campaign and test fields are the same for many deliveries.
/// Decoded deliveries stay in memory for the whole run, so every repeat held as a copy of its
/// own (a heap allocation with a 32-byte header) was most of the decoded model's memory.
/// Strings are values, so sharing one is invisible to their users.
///
/// One table serves one worker decoding a run of files, never two threads. Text of up to 15
/// UTF-8 bytes is never looked up: such a `String` is stored inline and allocates nothing.
/// Transcript messages are not kept as strings at all: they go to ``transcriptTexts``.
final class RepeatedStrings {
    private var slots = SharingSlots()
    private var strings: [String] = []

    /// Where the same worker puts the texts of transcripts, shared the same way.
    private(set) var transcriptTexts: TranscriptTextStore

    /// - Parameter sharesRepeats: whether transcript texts seen before are stored once; a
    ///   table for one delivery only puts each conversation's texts together.
    init(sharesRepeats: Bool = true) {
        transcriptTexts = TranscriptTextStore(sharesRepeats: sharesRepeats)
    }

    /// Lends ``transcriptTexts`` to `body`, for a whole history: each change of a class's stored
    /// property is checked for exclusive access while the program runs, so lent once, the
    /// store costs that check once per history instead of once per message.
    func withTranscriptTexts<Result>(_ body: (inout TranscriptTextStore) throws -> Result) rethrows -> Result {
        try body(&transcriptTexts)
    }

    /// The longest text a `String` stores inline, without an allocation to share.
    static let inlineCapacity = 15

    /// The string for the UTF-8 bytes, shared with an earlier call for the same bytes.
    ///
    /// The same promise as `String(alreadyValidatedUTF8:isASCII:)`: the bytes are valid UTF-8,
    /// and all below 0x80 when `isASCII` is true.
    func string(alreadyValidatedUTF8 bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> String {
        guard bytes.count > Self.inlineCapacity, SharingSlots.canNote(index: strings.count) else {
            return String(alreadyValidatedUTF8: bytes, isASCII: isASCII)
        }
        let hash = TextHash.hash(bytes)
        switch slots.probe(hash: hash, isSame: { Self.bytesEqual(strings[$0], bytes) }) {
        case .found(let index):
            return strings[index]
        case .free(let slot):
            let string = String(alreadyValidatedUTF8: bytes, isASCII: isASCII)
            slots.note(index: strings.count, hash: hash, at: slot)
            strings.append(string)
            return string
        case .full:
            return String(alreadyValidatedUTF8: bytes, isASCII: isASCII)
        }
    }

    /// Whether the string's UTF-8 is exactly `bytes`. Strings this table made are native, so
    /// their UTF-8 is contiguous; the other case only exists to be safe.
    private static func bytesEqual(_ string: borrowing String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        string.utf8.withContiguousStorageIfAvailable { SameBytes.check($0, bytes) } ?? string.utf8.elementsEqual(bytes)
    }
}
