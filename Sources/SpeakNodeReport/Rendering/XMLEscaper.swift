/// Escapes text for XML 1.0 text content and attribute values (single or double quoted).
///
/// Characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF) are removed, because no
/// escape can represent them and one of them makes the whole document unreadable to a CI
/// server. Carriage return becomes `&#13;` so parsers keep it; tab and line feed stay as they
/// are (inside an attribute value a parser reads them as spaces, which suits a one-line message).
/// Directional overrides are removed too (see `DirectionalFormatting`).
public enum XMLEscaper {
    public static func escape(_ text: String) -> String {
        table.apply(to: text)
    }

    /// Appends the UTF-8 bytes of `text`, escaped as ``escape(_:)`` does, to `output`: how
    /// templates escape, with no string made per value.
    public static func append(_ text: String, to output: inout [UInt8]) {
        table.append(text, to: &output)
    }

    /// Appends `utf8`, the UTF-8 bytes of a text (whole characters), escaped as ``escape(_:)``
    /// escapes the text, to `output`: how templates escape a `MustacheText`, with no string made
    /// of its bytes.
    public static func appendUTF8(_ utf8: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        table.append(utf8: utf8, to: &output)
    }

    private static let table = ASCIIReplacementTable(
        replacements: ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&apos;", "\r": "&#13;"],
        removed: forbiddenControlCharacters)

    /// The ASCII control characters XML 1.0 forbids: all but tab, line feed and carriage return.
    static let forbiddenControlCharacters: [ClosedRange<UInt8>] = [0x00...0x08, 0x0B...0x0C, 0x0E...0x1F]

    /// Whether XML 1.0 forbids the character: U+0000–U+0008, U+000B, U+000C, U+000E–U+001F,
    /// U+FFFE and U+FFFF. (Lone surrogates cannot occur in a Swift `String`.)
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F: true
        case 0xFFFE, 0xFFFF: true
        default: false
        }
    }
}
