/// How `{{name}}` escapes the text it inserts; `{{{name}}}` and `{{&name}}` never escape.
///
/// The caller picks the escaping per output format (HTML, XML, Markdown…), and it applies to
/// every partial and parent rendered within one render call.
public struct Escaping: Sendable {
    private let escape: @Sendable (String) -> String

    /// An escaping that transforms interpolated text with `escape`.
    public init(_ escape: @escaping @Sendable (String) -> String) {
        self.escape = escape
    }

    /// Escapes `text`.
    public func callAsFunction(_ text: String) -> String {
        escape(text)
    }

    /// HTML escaping: `&` `<` `>` `"` `'` become `&amp;` `&lt;` `&gt;` `&quot;` `&#39;`.
    public static let html = Escaping(escapeHTML)

    /// No escaping: text is inserted as is.
    public static let none = Escaping { $0 }
}

/// Escapes the five HTML-significant characters, returning `text` itself when none occurs.
private func escapeHTML(_ text: String) -> String {
    let needsEscaping = text.utf8.contains { byte in
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
    guard needsEscaping else { return text }
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": escaped += "&amp;"
        case "<": escaped += "&lt;"
        case ">": escaped += "&gt;"
        case "\"": escaped += "&quot;"
        case "'": escaped += "&#39;"
        default: escaped.unicodeScalars.append(scalar)
        }
    }
    return escaped
}
