/// What a computed object's keys stand for, found by a ``MustacheKey`` without hashing.
///
/// A ``MustacheObject`` usually turns the name it is asked for into a case of its own `Key`
/// enum, then switches on that. Kept in a `MustacheKeyTable` instead of a dictionary, the
/// entries are found by the key's number, an array index. It is built as the dictionary was,
/// and the object adds the lookup by key beside its lookup by name:
///
/// ```swift
/// static let keys = MustacheKeyTable(uniqueKeysWithValues: Key.allCases.map { ($0.rawValue, $0) })
/// func member(_ key: MustacheKey) -> MustacheValue? { Self.keys[key].map(value) }
/// func member(_ name: String) -> MustacheValue? { Self.keys[name].map(value) }
/// ```
public struct MustacheKeyTable<Value: Sendable>: Sendable {
    /// The value for each key number; `nil` for the numbers of names the table does not have.
    private let byNumber: [Value?]
    /// The same entries by name, for lookups that come with a name only.
    public let byName: [String: Value]

    /// A table of the entries of `byName`.
    public init(_ byName: [String: Value]) {
        let numbered = byName.map { (MustacheKey($0.key).number, $0.value) }
        var byNumber = [Value?](repeating: nil, count: (numbered.map(\.0).max() ?? -1) + 1)
        for (number, value) in numbered { byNumber[number] = value }
        self.byNumber = byNumber
        self.byName = byName
    }

    /// A table of `entries` (name → value), whose names must differ, as for a dictionary.
    public init(uniqueKeysWithValues entries: some Sequence<(String, Value)>) {
        self.init(Dictionary(uniqueKeysWithValues: entries))
    }

    /// The value for `key`, or `nil` when the table has no such name.
    @inline(__always)
    public subscript(key: MustacheKey) -> Value? {
        key.number < byNumber.count ? byNumber[key.number] : nil
    }

    /// The value for `name`, or `nil` when the table has no such name.
    public subscript(name: String) -> Value? {
        byName[name]
    }

    /// The same names, each with its value transformed.
    public func mapValues<T: Sendable>(_ transform: (Value) throws -> T) rethrows -> MustacheKeyTable<T> {
        MustacheKeyTable<T>(try byName.mapValues(transform))
    }
}
