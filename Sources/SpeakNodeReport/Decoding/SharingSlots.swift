/// The slots of an open-addressing hash table that finds a text seen before by its hash, for
/// the tables that share repeated text while decoding (``RepeatedStrings``, ``TranscriptTextStore``).
///
/// Each slot holds the high half of a text's ``TextHash`` and, in the low half, the index of
/// the text in its table plus one; 0 marks an empty slot. A probe compares hashes without
/// touching the texts, so only a matching hash makes the table compare bytes.
///
/// A probe looks at no more than ``maximumProbes`` slots. The hash has no secret key, so
/// crafted input could make every text land on the same slots; bounded probes keep the work
/// per text constant then, at the price of leaving such a text unshared, which only costs
/// memory. The table is kept at most half full, so honest text rarely meets the bound.
struct SharingSlots {
    private var slots: [UInt64]
    private var filled = 0

    static let maximumProbes = 16

    /// What a probe found.
    enum Probe {
        /// The index of the text the caller recognized as the same.
        case found(Int)
        /// No such text; a new one can be noted at this slot.
        case free(slot: Int)
        /// No such text among the slots looked at, and none of them free.
        case full
    }

    init() {
        slots = Array(repeating: 0, count: 256)
    }

    /// Looks for a text with this hash that `isSame` accepts (given the text's index).
    func probe(hash: UInt64, isSame: (Int) -> Bool) -> Probe {
        let tag = hash & 0xFFFF_FFFF_0000_0000
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash >> 32) & mask
        for _ in 0..<Self.maximumProbes {
            let entry = slots[slot]
            if entry == 0 { return .free(slot: slot) }
            if entry & 0xFFFF_FFFF_0000_0000 == tag && isSame(Int(entry & 0xFFFF_FFFF) - 1) {
                return .found(Int(entry & 0xFFFF_FFFF) - 1)
            }
            slot = (slot + 1) & mask
        }
        return .full
    }

    /// Whether another text can be noted: its index must fit in the low half of a slot.
    static func canNote(index: Int) -> Bool { index < Int(UInt32.max) - 1 }

    /// Notes text number `index` with this hash at the free slot a probe for it returned.
    mutating func note(index: Int, hash: UInt64, at slot: Int) {
        slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(index + 1)
        filled += 1
        if filled * 2 > slots.count { grow() }
    }

    /// Twice the slots, so that probes stay short. A text's first slot comes from its tag, so
    /// no text is hashed again; one that finds no free slot within the bound is left out.
    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: slots.count * 2)
        filled = 0
        let mask = slots.count - 1
        for entry in old where entry != 0 {
            var slot = Int(truncatingIfNeeded: entry >> 32) & mask
            for _ in 0..<Self.maximumProbes {
                if slots[slot] == 0 {
                    slots[slot] = entry
                    filled += 1
                    break
                }
                slot = (slot + 1) & mask
            }
        }
    }
}
