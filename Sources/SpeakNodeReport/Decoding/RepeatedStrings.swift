import Foundation

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
final class RepeatedStrings {
    private struct Entry {
        var hash: Int
        var string: String
    }

    /// Indices into `entries`, plus one; 0 marks an empty slot. The count is a power of two.
    private var slots: [Int32]
    private var entries: [Entry] = []

    /// The longest text a `String` stores inline, without an allocation to share.
    static let inlineCapacity = 15

    init() {
        slots = Array(repeating: 0, count: 256)
    }

    /// The string for the UTF-8 bytes, shared with an earlier call for the same bytes.
    ///
    /// The same promise as `String(alreadyValidatedUTF8:isASCII:)`: the bytes are valid UTF-8,
    /// and all below 0x80 when `isASCII` is true.
    func string(alreadyValidatedUTF8 bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> String {
        guard bytes.count > Self.inlineCapacity, entries.count < Int32.max - 1 else {
            return String(alreadyValidatedUTF8: bytes, isASCII: isASCII)
        }
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        let hash = hasher.finalize()
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != 0 {
            let index = Int(slots[slot]) - 1
            if entries[index].hash == hash, Self.bytesEqual(entries[index].string, bytes) {
                return entries[index].string
            }
            slot = (slot + 1) & mask
        }
        let string = String(alreadyValidatedUTF8: bytes, isASCII: isASCII)
        entries.append(Entry(hash: hash, string: string))
        slots[slot] = Int32(entries.count)
        if entries.count * 2 > slots.count { grow() }
        return string
    }

    private static func bytesEqual(_ string: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Strings this table made are native, so their UTF-8 is contiguous and never copied here.
        var string = string
        return string.withUTF8 { stored in
            guard stored.count == bytes.count else { return false }
            guard let storedStart = stored.baseAddress, let start = bytes.baseAddress else { return true }
            return memcmp(storedStart, start, bytes.count) == 0
        }
    }

    /// Twice the slots, so that probes stay short (the table is at most half full).
    private func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, entry) in entries.enumerated() {
            var slot = entry.hash & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
        }
    }
}
