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
    /// The text's UTF-8 bytes: whole characters. (Visible to the inlined appends, which a
    /// caller writing a text in thousands of small pieces calls for each.)
    @usableFromInline var bytes: [UInt8] = []

    /// The text's UTF-8 bytes: whole characters.
    public var utf8: [UInt8] { bytes }

    /// An empty text.
    public init() {}

    /// An empty text with room for `capacity` bytes, made at once rather than by growing and
    /// copying the bytes as they come.
    public init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// The text of `string`.
    public init(_ string: String) {
        bytes = Array(string.utf8)
    }

    public var isEmpty: Bool { bytes.isEmpty }

    /// The text as a string.
    public var string: String {
        // Valid UTF-8: only whole strings were appended.
        String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text`.
    @inlinable
    public mutating func append(_ text: String) {
        // `withUTF8` lends a native string's bytes as they are (it may change the copy of the
        // string value, never the bytes).
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends a literal, with no string made of it.
    @inlinable
    public mutating func append(_ literal: StaticString) {
        // A literal is valid UTF-8; one made of a single scalar is encoded by `withUTF8Buffer`.
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends one character: an ASCII one (a line feed, say) costs a byte appended.
    @inlinable
    public mutating func append(_ scalar: Unicode.Scalar) {
        if scalar.isASCII {
            bytes.append(UInt8(truncatingIfNeeded: scalar.value))
        } else {
            bytes.append(contentsOf: scalar.utf8)
        }
    }

    /// Appends bytes the caller promises are whole characters of valid UTF-8, such as a text
    /// checked once as it was decoded and kept as bytes since, without checking them again. As
    /// with the standard library's `UTF8Span(unchecked:)`, the promise is the caller's: bytes
    /// that break it do no harm to the process, but reach the output as they are.
    @inlinable
    public mutating func append(uncheckedUTF8 piece: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: piece)
    }

    /// Appends another text.
    public mutating func append(_ text: MustacheText) {
        bytes.append(contentsOf: text.bytes)
    }
}

extension MustacheText: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(value) }
}
