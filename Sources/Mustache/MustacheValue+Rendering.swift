extension MustacheValue {
    /// Whether a section shows: `null`, `false`, the empty string and the empty list are falsey;
    /// everything else (including `0`) is truthy.
    var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let value): value
        case .string(let value): !value.isEmpty
        case .text(let text): !text.isEmpty
        case .list(let items): !items.isEmpty
        case .int, .double, .object, .computed: true
        case .lazy(let lazy): lazy.value.isTruthy
        }
    }

    /// The text `{{name}}` inserts, before escaping. Lists and objects insert nothing.
    var interpolationText: String {
        switch self {
        case .null, .list, .object, .computed: ""
        case .bool(let value): value ? "true" : "false"
        case .int(let value): String(value)
        case .double(let value): Self.format(value)
        case .string(let value): value
        case .text(let text): text.string
        case .lazy(let lazy): lazy.value.interpolationText
        }
    }

    /// Whole numbers print without a fractional part (`3.0` → `3`), since JSON does not tell
    /// integers and decimals apart; others print in their shortest exact form (`1.21`).
    private static func format(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            return String(Int(value))
        }
        return value.description
    }

    /// The value at `key` when this is an object (stored or computed) that has it, built if it
    /// is lazy; `nil` when it has no such key, or is not an object, so that a lookup goes on to
    /// the outer contexts.
    @inline(__always)
    public func member(_ key: String) -> MustacheValue? {
        switch self {
        case .object(let members): Self.built(members[key])
        case .computed(let object): Self.built(object.member(key))
        case .lazy(let lazy): lazy.value.member(key)
        default: nil
        }
    }

    /// `value`, built if it is lazy. It is moved out, not copied as `resolved` would copy it
    /// (retaining what it holds, then releasing the original): every lookup of a name ends here.
    @inline(__always)
    private static func built(_ value: consuming MustacheValue?) -> MustacheValue? {
        if case .lazy(let lazy)? = value { return lazy.value }
        return value
    }
}
