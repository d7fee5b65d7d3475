/// A text kept as its UTF-8 bytes, built by appending whole strings: for a long value made of
/// many small pieces, such as a transcript written line by line.
///
/// As a `String`, such a text is built (as bytes, appending to a `String` costs more per piece),
/// made into a string, which checks every byte is UTF-8, then copied again as it is escaped into
/// the output. A `MustacheText` is valid UTF-8 by construction (only whole strings go in), so
/// it is escaped straight from its bytes into the output in one pass (see
/// ``Escaping/init(appendingUTF8:)``), and is never checked.
///
/// In a template it is what `.string` of the same text is: `{{name}}` inserts it escaped,
/// `{{{name}}}` and `{{&name}}` as it is, and a section shows when it is not empty. Two texts
/// are equal when their bytes are.
public struct MustacheText: Sendable, Hashable {
    /// The text's UTF-8 bytes: whole characters.
    public private(set) var utf8: [UInt8] = []

    /// An empty text.
    public init() {}

    /// An empty text with room for `capacity` bytes, made at once rather than by growing and
    /// copying the bytes as they come.
    public init(capacity: Int) {
        utf8.reserveCapacity(capacity)
    }

    /// The text of `string`.
    public init(_ string: String) {
        utf8 = Array(string.utf8)
    }

    public var isEmpty: Bool { utf8.isEmpty }

    /// The text as a string.
    public var string: String {
        // Valid UTF-8: only whole strings were appended.
        String(decoding: utf8, as: UTF8.self)
    }

    /// Appends `text`.
    @inline(__always)
    public mutating func append(_ text: String) {
        // `withUTF8` lends a native string's bytes as they are (it may change the copy of the
        // string value, never the bytes).
        var text = text
        text.withUTF8 { utf8.append(contentsOf: $0) }
    }

    /// Appends a literal, with no string made of it.
    @inline(__always)
    public mutating func append(_ literal: StaticString) {
        // A literal is valid UTF-8; one made of a single scalar is encoded by `withUTF8Buffer`.
        literal.withUTF8Buffer { utf8.append(contentsOf: $0) }
    }

    /// Appends another text.
    public mutating func append(_ text: MustacheText) {
        utf8.append(contentsOf: text.utf8)
    }
}

extension MustacheText: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(value) }
}
