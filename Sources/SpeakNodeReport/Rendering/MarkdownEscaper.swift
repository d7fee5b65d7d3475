/// Escapes text for GitHub-flavoured Markdown (a PR comment or job summary) so that payload
/// text always renders as the same plain text and never creates markup.
///
/// The rules, in order:
/// - Control characters and directional overrides (see `DirectionalFormatting`) are removed;
///   runs of whitespace that would break a line (tab, CR, LF, vertical tab, form feed, U+0085,
///   U+2028, U+2029) collapse to a single space, so a value can never end a table row, start a
///   block (heading, list, quote, fence) or close `<details>`.
/// - `&`, `<` and `>` become `&amp;`, `&lt;` and `&gt;`: no raw HTML tag and no entity.
/// - ASCII punctuation that Markdown reads as syntax is backslash-escaped:
///   `` \ ` * _ [ ] ( ) # + - . ! | ~ { } : $ = ``. This stops emphasis, links, images,
///   code spans, table cells (`\|`), headings, ordered and bullet lists, math (`$`), `www.`
///   and `scheme:` autolinks.
/// - `@` and `#`, and the `-` of `GH-`, are followed by U+2060 WORD JOINER (invisible). GitHub
///   finds @mentions and `#123` / `GH-123` issue links in the rendered text, after entities and
///   escapes are decoded, so only a character between the sign and the name stops them.
///
/// Values must be placed in normal text or table cells, never inside a code span or block.
public enum MarkdownEscaper {
    public static func escape(_ text: String) -> String {
        var escaped: [UInt8] = []
        escaped.reserveCapacity(text.utf8.count + 16)
        append(text, to: &escaped)
        // Whole characters of `text` and ASCII escapes: valid UTF-8.
        return String(decoding: escaped, as: UTF8.self)
    }

    /// Appends the UTF-8 bytes of `text`, escaped as ``escape(_:)`` does, to `output`: how
    /// templates escape, with no string made per value.
    public static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            plainASCII.withUnsafeBufferPointer { plainASCII in append(bytes, plainASCII: plainASCII, to: &output) }
        }
    }

    /// Appends the escaped `bytes` (valid UTF-8). Most text is words, spaces and commas, which
    /// no rule changes: each run of such bytes (see ``plainASCII``) is copied at once, and only
    /// the other characters are decoded and escaped one by one.
    private static func append(
        _ bytes: UnsafeBufferPointer<UInt8>, plainASCII: UnsafeBufferPointer<Bool>, to output: inout [UInt8]
    ) {
        // What this text has written so far starts here (for `GH-`: only the text's own letters count).
        let start = output.count
        var pendingSpace = false
        var index = 0
        while index < bytes.count {
            var end = index
            while end < bytes.count, bytes[end] < 0x80, plainASCII[Int(bytes[end])] { end += 1 }
            if end > index {
                if pendingSpace {
                    output.append(UInt8(ascii: " "))
                    pendingSpace = false
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                index = end
                continue
            }
            let (scalar, length) = scalar(in: bytes, at: index)
            append(scalar, pendingSpace: &pendingSpace, start: start, to: &output)
            index += length
        }
        if pendingSpace { output.append(UInt8(ascii: " ")) }
    }

    /// Escapes one character of the text whose escaped bytes start at `start` of `output`.
    private static func append(_ scalar: Unicode.Scalar, pendingSpace: inout Bool, start: Int, to output: inout [UInt8]) {
        if isLineBreakingWhitespace(scalar) {
            pendingSpace = true
            return
        }
        if isControl(scalar) || DirectionalFormatting.isExplicit(scalar) { return }
        if pendingSpace {
            output.append(UInt8(ascii: " "))
            pendingSpace = false
        }
        switch scalar {
        case "&": output += "&amp;".utf8
        case "<": output += "&lt;".utf8
        case ">": output += "&gt;".utf8
        case "@", "#":
            if scalar == "#" { output.append(UInt8(ascii: "\\")) }
            append(scalar, to: &output)
            append(wordJoiner, to: &output)
        case "-":
            let afterIssuePrefix = endsWithIssuePrefix(output[start...])
            output += "\\-".utf8
            if afterIssuePrefix { append(wordJoiner, to: &output) }
        default:
            if isEscapedPunctuation(scalar) { output.append(UInt8(ascii: "\\")) }
            append(scalar, to: &output)
        }
    }

    /// For each ASCII byte, whether the rules leave it as it is wherever it stands: printable,
    /// not punctuation Markdown reads, and none of `& < > @ #`.
    private static let plainASCII: [Bool] = (0..<128).map { value in
        let scalar = Unicode.Scalar(UInt8(value))
        return (0x20...0x7E).contains(value) && !isEscapedPunctuation(scalar) && !"&<>@#".unicodeScalars.contains(scalar)
    }

    /// The character whose UTF-8 bytes start at `index` of `bytes` (valid UTF-8), and how many bytes it takes.
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        // The lead byte's value bits: all seven of ASCII, then 5, 4 or 3.
        var value = length == 1 ? UInt32(lead) : UInt32(lead) & (0x7F >> length)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// Appends the UTF-8 bytes of `scalar`.
    @inline(__always)
    private static func append(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        if scalar.isASCII {
            output.append(UInt8(truncatingIfNeeded: scalar.value))
        } else {
            UTF8.encode(scalar) { output.append($0) }
        }
    }

    /// U+2060, invisible and not a line break opportunity.
    static let wordJoiner: Unicode.Scalar = "\u{2060}"

    /// ASCII punctuation Markdown reads as syntax, backslash-escaped.
    static func isEscapedPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\\", "`", "*", "_", "[", "]", "(", ")", "+", "-", ".", "!", "|", "~", "{", "}", ":", "$", "=": true
        default: false
        }
    }

    /// The text written so far ends in `GH` (either case), which GitHub links as an issue
    /// when `-` and digits follow. (The bytes of a non-ASCII character are never ASCII letters.)
    static func endsWithIssuePrefix(_ written: ArraySlice<UInt8>) -> Bool {
        let last = written.suffix(2)
        guard last.count == 2, let first = last.first, let second = last.last else { return false }
        return (first == UInt8(ascii: "G") || first == UInt8(ascii: "g"))
            && (second == UInt8(ascii: "H") || second == UInt8(ascii: "h"))
    }

    static func isLineBreakingWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// C0 and C1 controls, DEL, and the non-characters U+FFFE / U+FFFF.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF: true
        default: false
        }
    }
}
