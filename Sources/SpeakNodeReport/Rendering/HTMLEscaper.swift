/// Escapes text for HTML text content and quoted attribute values.
///
/// The five characters that can open markup or end an attribute are replaced by references,
/// and the control characters XML 1.0 forbids (NUL among them) are removed; tab, line feed
/// and carriage return are kept. Directional overrides are removed too (see `DirectionalFormatting`).
public enum HTMLEscaper {
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
        replacements: ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"],
        removed: XMLEscaper.forbiddenControlCharacters)
}
