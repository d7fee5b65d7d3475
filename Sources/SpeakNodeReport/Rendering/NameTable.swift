/// A fixed set of member names and what each stands for, for the template objects
/// (``TestObject``, ``HTMLTurnObject``…) to find the member a template looks up.
///
/// Templates look up hundreds of thousands of names in a large report, most of them in objects
/// that do not have them (a name is looked for in each enclosing object in turn). A
/// `Dictionary<String, Value>` hashes every name with SipHash, several hundred instructions
/// for a short name; this table places a name by its length and its first and last bytes
/// (open addressing, at most a quarter of the slots used) and compares the one or two names
/// placed there: an absent name usually meets an empty slot, a present one its own entry.
struct NameTable<Value: Sendable>: Sendable {
    private struct Entry: Sendable {
        var name: String
        var value: Value
        var hash: Int
    }

    private let entries: [Entry]
    /// For each slot, the index in `entries` of the name placed there, or -1.
    private let slots: [Int]
    private let mask: Int

    /// The table of `names`, which must differ from one another.
    init(_ names: [(String, Value)]) {
        var size = 16
        while size < 4 * names.count { size *= 2 }
        var slots = [Int](repeating: -1, count: size)
        var entries: [Entry] = []
        for (name, value) in names {
            let hash = Self.hash(of: name)
            var slot = hash & (size - 1)
            while slots[slot] >= 0 {
                precondition(entries[slots[slot]].name != name, "\(name) is in the table twice")
                slot = (slot + 1) & (size - 1)
            }
            slots[slot] = entries.count
            entries.append(Entry(name: name, value: value, hash: hash))
        }
        self.entries = entries
        self.slots = slots
        mask = size - 1
    }

    /// What `name` stands for, or `nil` when it is not in the table.
    subscript(name: String) -> Value? {
        let hash = Self.hash(of: name)
        var slot = hash & mask
        while true {
            let index = slots[slot]
            guard index >= 0 else { return nil }
            if entries[index].hash == hash, entries[index].name == name { return entries[index].value }
            slot = (slot + 1) & mask
        }
    }

    /// Every name in the table.
    var keys: [String] { entries.map(\.name) }

    /// The same names, each standing for `transform` of what it stood for.
    func mapValues<NewValue>(_ transform: (Value) -> NewValue) -> NameTable<NewValue> {
        NameTable<NewValue>(entries.map { ($0.name, transform($0.value)) })
    }

    /// These names and `others`; a name in both stands for `combine` of what it stands for in each.
    func merging(_ others: [(String, Value)], uniquingKeysWith combine: (Value, Value) -> Value) -> NameTable {
        var merged = entries.map { ($0.name, $0.value) }
        for (name, value) in others {
            if let index = merged.firstIndex(where: { $0.0 == name }) {
                merged[index].1 = combine(merged[index].1, value)
            } else {
                merged.append((name, value))
            }
        }
        return NameTable(merged)
    }

    /// Mixes the length and the first and last bytes of `name` (Fibonacci hashing, high bits
    /// kept): member names differ in these far more often than not.
    ///
    /// The bytes are read from the name's storage (`utf8.first` and `.last` cost twice as much).
    private static func hash(of name: String) -> Int {
        if let hash = name.utf8.withContiguousStorageIfAvailable(hash(ofBytes:)) { return hash }
        var contiguous = name
        contiguous.makeContiguousUTF8()
        return contiguous.utf8.withContiguousStorageIfAvailable(hash(ofBytes:)) ?? 0
    }

    private static func hash(ofBytes bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let first = bytes.first, let last = bytes.last else { return 0 }
        let key = UInt32(truncatingIfNeeded: bytes.count) | UInt32(first) << 8 | UInt32(last) << 16
        return Int((key &* 0x9E37_79B1) >> 16)
    }
}
