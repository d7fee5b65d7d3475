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

    private static let table = ASCIIReplacementTable(
        replacements: ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"],
        removed: XMLEscaper.forbiddenControlCharacters)
}
