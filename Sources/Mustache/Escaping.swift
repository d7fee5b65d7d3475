/// How `{{name}}` escapes the text it inserts; `{{{name}}}` and `{{&name}}` never escape.
///
/// The caller picks the escaping per output format (HTML, XML, Markdown…), and it applies to
/// every partial and parent rendered within one render call.
///
/// Rendering builds UTF-8 bytes, so an escaping appends its result straight to the output
/// (``init(appending:)``): no string is made per value, and text that needs no change is
/// copied once. An escaping that works on UTF-8 bytes (``init(appendingUTF8:)``) also escapes
/// a ``MustacheText`` straight from its bytes; any other escaping is handed it as a string. An
/// escaping made from a `String -> String` function (``init(_:)``) works too, at the cost of
/// that intermediate string.
public struct Escaping: Sendable {
    private let appendEscaped: @Sendable (String, inout [UInt8]) -> Void
    /// Set for an escaping made with ``init(appendingUTF8:)``.
    private let appendEscapedUTF8: (@Sendable (UnsafeBufferPointer<UInt8>, inout [UInt8]) -> Void)?

    /// An escaping that appends the escaped UTF-8 bytes of a text to the output.
    ///
    /// `append` must append valid UTF-8 (whole characters) and nothing else: the rendered bytes
    /// are a template's text and these, so they then stay valid UTF-8.
    public init(appending append: @escaping @Sendable (_ text: String, _ output: inout [UInt8]) -> Void) {
        self.appendEscaped = append
        self.appendEscapedUTF8 = nil
    }

    /// An escaping that appends the escaped UTF-8 bytes of a text, given as its UTF-8 bytes
    /// (always whole characters), to the output, as ``init(appending:)``'s does.
    ///
    /// A string is handed to it as its bytes, and a ``MustacheText`` as its own: a long text
    /// never becomes a string to be escaped.
    public init(appendingUTF8 append: @escaping @Sendable (_ utf8: UnsafeBufferPointer<UInt8>, _ output: inout [UInt8]) -> Void) {
        self.appendEscaped = { text, output in
            // `withUTF8` lends a native string's bytes as they are.
            var text = text
            text.withUTF8 { append($0, &output) }
        }
        self.appendEscapedUTF8 = append
    }

    /// An escaping that transforms interpolated text with `escape`.
    public init(_ escape: @escaping @Sendable (String) -> String) {
        self.init(appending: { text, output in output.append(contentsOf: escape(text).utf8) })
    }

    /// Appends the escaped UTF-8 bytes of `text` to `output`.
    @inline(__always)
    public func append(_ text: String, to output: inout [UInt8]) {
        appendEscaped(text, &output)
    }

    /// Appends the escaped UTF-8 bytes of `text` to `output`: from its bytes when the escaping
    /// takes bytes, else from the string they make.
    public func append(_ text: MustacheText, to output: inout [UInt8]) {
        guard let appendEscapedUTF8 else {
            appendEscaped(text.string, &output)
            return
        }
        text.utf8.withUnsafeBufferPointer { appendEscapedUTF8($0, &output) }
    }

    /// Escapes `text`.
    public func callAsFunction(_ text: String) -> String {
        var bytes: [UInt8] = []
        append(text, to: &bytes)
        // Valid UTF-8, as `init(appending:)` requires of an escaping.
        return String(decoding: bytes, as: UTF8.self)
    }

    /// HTML escaping: `&` `<` `>` `"` `'` become `&amp;` `&lt;` `&gt;` `&quot;` `&#39;`.
    public static let html = Escaping(appendingUTF8: appendHTMLEscaped)

    /// No escaping: text is inserted as is.
    public static let none = Escaping(appendingUTF8: { text, output in output.append(contentsOf: text) })
}

/// Appends `text` with the five HTML-significant characters escaped; text without any is
/// copied at once. Every byte replaced is ASCII, so the runs between them are whole characters.
private func appendHTMLEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
    var unchangedStart = 0
    for index in bytes.indices {
        let replacement: StaticString
        switch bytes[index] {
        case UInt8(ascii: "&"): replacement = "&amp;"
        case UInt8(ascii: "<"): replacement = "&lt;"
        case UInt8(ascii: ">"): replacement = "&gt;"
        case UInt8(ascii: "\""): replacement = "&quot;"
        case UInt8(ascii: "'"): replacement = "&#39;"
        default: continue
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[unchangedStart..<index]))
        output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
        unchangedStart = index + 1
    }
    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[unchangedStart...]))
}
