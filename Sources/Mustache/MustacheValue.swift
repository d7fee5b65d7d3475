/// A value a template renders: the context stack is built from these.
///
/// A closed set of cases keeps rendering predictable and fast, and lets a caller build
/// a context once and render it with many templates. Two cases leave work for later: a
/// `lazy` value is built when a template reaches it, a `computed` object works out each
/// member when a template looks it up.
public enum MustacheValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    /// Text as UTF-8 bytes, inserted escaped straight from them: see ``MustacheText``. It
    /// behaves as `string` of the same text does.
    case text(MustacheText)
    case list([MustacheValue])
    case object([String: MustacheValue])
    /// An object whose members are worked out when a template looks them up: see
    /// ``MustacheObject``. It behaves as `object` does: truthy, and inserts nothing.
    case computed(AnyMustacheObject)
    /// Built only when a template reaches it: see ``MustacheLazyValue``.
    case lazy(MustacheLazyValue)
}

extension MustacheValue: ExpressibleByNilLiteral {
    public init(nilLiteral: ()) { self = .null }
}

extension MustacheValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension MustacheValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self = .int(value) }
}

extension MustacheValue: ExpressibleByFloatLiteral {
    public init(floatLiteral value: Double) { self = .double(value) }
}

extension MustacheValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}

extension MustacheValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: MustacheValue...) { self = .list(elements) }
}

extension MustacheValue: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, MustacheValue)...) {
        // Sized once and filled in order, a repeated key keeping its last value.
        var object = [String: MustacheValue](minimumCapacity: elements.count)
        for (key, value) in elements { object[key] = value }
        self = .object(object)
    }
}

extension MustacheValue {
    /// An optional string: `.null` when absent, so `{{#key}}` sections hide it.
    public init(_ value: String?) {
        self = value.map(MustacheValue.string) ?? .null
    }
}
