#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
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
final class RepeatedStrings {
    /// Per slot, the high half of the string's hash and its index in `strings` plus one in the
    /// low half; 0 marks an empty slot. The count is a power of two. A probe compares hashes
    /// without touching the strings, so only a match reads a string's bytes.
    private var slots: [UInt64]
    private var strings: [String] = []

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
        guard bytes.count > Self.inlineCapacity, strings.count < Int(UInt32.max) - 1 else {
            return String(alreadyValidatedUTF8: bytes, isASCII: isASCII)
        }
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        let hash = UInt64(UInt(bitPattern: hasher.finalize()))
        let hashTag = hash & 0xFFFF_FFFF_0000_0000
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash >> 32) & mask
        while slots[slot] != 0 {
            if slots[slot] & 0xFFFF_FFFF_0000_0000 == hashTag {
                let index = Int(slots[slot] & 0xFFFF_FFFF) - 1
                if Self.bytesEqual(strings[index], bytes) { return strings[index] }
            }
            slot = (slot + 1) & mask
        }
        let string = String(alreadyValidatedUTF8: bytes, isASCII: isASCII)
        strings.append(string)
        slots[slot] = hashTag | UInt64(strings.count)
        if strings.count * 2 > slots.count { grow() }
        return string
    }

    /// Whether the string's UTF-8 is exactly `bytes`. Strings this table made are native, so
    /// their UTF-8 is contiguous; the other case only exists to be safe.
    private static func bytesEqual(_ string: borrowing String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let equal = string.utf8.withContiguousStorageIfAvailable { stored in
            guard stored.count == bytes.count else { return false }
            guard let storedStart = stored.baseAddress, let start = bytes.baseAddress else { return true }
            return memcmp(storedStart, start, bytes.count) == 0
        }
        return equal ?? string.utf8.elementsEqual(bytes)
    }

    /// Twice the slots, so that probes stay short (the table is at most half full). A string's
    /// first slot comes from the low bits of its hash tag, so no string is hashed again.
    private func grow() {
        let old = slots
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for entry in old where entry != 0 {
            var slot = Int(truncatingIfNeeded: entry >> 32) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }
}
