/// A JSON value as RFC 8259 defines it, read by ``JSONParser``.
///
/// Numbers are kept as `Double` because every number in a delivery is a duration, a
/// confidence or an epoch timestamp; integers beyond 2^53 lose precision, as in JavaScript.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The name of the value's type as error messages show it: "a string", "an object", ….
    public var typeDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// The members of a JSON object in the order they were written, each key once.
///
/// When a key is written twice the last value wins, at the position of the last occurrence,
/// which is what most JSON readers (and JavaScript's `JSON.parse`) do.
public struct JSONObject: Sendable, Hashable {
    /// One `"key": value` pair.
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: JSONValue

        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The members, in order, with unique keys.
    public private(set) var members: [Member]

    /// Makes an object from members that may repeat a key; the last occurrence of a key wins.
    public init(_ members: [Member]) {
        self.members = JSONObject.removingEarlierDuplicates(members)
    }

    public init() {
        self.members = []
    }

    /// The value for `key`, or `nil` when the object has no such member.
    public subscript(key: String) -> JSONValue? {
        members.first { $0.key == key }?.value
    }

    public var count: Int { members.count }

    private static func removingEarlierDuplicates(_ members: [Member]) -> [Member] {
        guard members.count > 1 else { return members }
        if members.count <= 16 {
            // Quadratic but allocation-free: the common case of a small object.
            var hasDuplicate = false
            outer: for i in members.indices {
                for j in (i + 1)..<members.count where members[j].key == members[i].key {
                    hasDuplicate = true
                    break outer
                }
            }
            guard hasDuplicate else { return members }
        }
        var lastIndex: [String: Int] = [:]
        lastIndex.reserveCapacity(members.count)
        for (index, member) in members.enumerated() {
            lastIndex[member.key] = index
        }
        guard lastIndex.count < members.count else { return members }
        var unique: [Member] = []
        unique.reserveCapacity(lastIndex.count)
        for (index, member) in members.enumerated() where lastIndex[member.key] == index {
            unique.append(member)
        }
        return unique
    }
}
