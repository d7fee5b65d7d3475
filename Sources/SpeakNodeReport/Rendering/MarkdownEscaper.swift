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
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isLineBreakingWhitespace(scalar) {
                pendingSpace = true
                continue
            }
            if isControl(scalar) || DirectionalFormatting.isExplicit(scalar) { continue }
            if pendingSpace {
                result += " "
                pendingSpace = false
            }
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "@", "#":
                if scalar == "#" { result += "\\" }
                result.unicodeScalars.append(scalar)
                result.unicodeScalars.append(wordJoiner)
            case "-":
                let afterIssuePrefix = endsWithIssuePrefix(result)
                result += "\\-"
                if afterIssuePrefix { result.unicodeScalars.append(wordJoiner) }
            default:
                if escapedPunctuation.contains(scalar) { result += "\\" }
                result.unicodeScalars.append(scalar)
            }
        }
        if pendingSpace { result += " " }
        return result
    }

    /// U+2060, invisible and not a line break opportunity.
    static let wordJoiner: Unicode.Scalar = "\u{2060}"

    static let escapedPunctuation: Set<Unicode.Scalar> = [
        "\\", "`", "*", "_", "[", "]", "(", ")", "+", "-", ".", "!", "|", "~", "{", "}", ":", "$", "=",
    ]

    /// The text written so far ends in `GH` (either case), which GitHub links as an issue
    /// when `-` and digits follow.
    static func endsWithIssuePrefix(_ written: String) -> Bool {
        let last = written.unicodeScalars.suffix(2)
        guard last.count == 2, let first = last.first, let second = last.last else { return false }
        return (first == "G" || first == "g") && (second == "H" || second == "h")
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
