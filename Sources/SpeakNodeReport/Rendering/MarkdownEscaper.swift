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
        // What this text has written so far starts here (for `GH-`: only the text's own letters count).
        let start = output.count
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isLineBreakingWhitespace(scalar) {
                pendingSpace = true
                continue
            }
            if isControl(scalar) || DirectionalFormatting.isExplicit(scalar) { continue }
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
        if pendingSpace { output.append(UInt8(ascii: " ")) }
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
