/// Tool arguments and outputs as a person reads them: a JSON object or array is re-indented,
/// two spaces a level, one member a line; anything else is shown exactly as it came.
///
/// The text is checked with ``JSONParser`` first and then re-indented token by token, so
/// numbers, escapes and member order stay exactly as written (nothing is decoded and
/// re-encoded). This is display formatting only: the report never reads meaning from it.
enum JSONDisplayText {
    /// The longest text a formatted value keeps; the rest is cut with a note, as transcript
    /// lines are.
    static let maximumLength = 4000

    /// The text re-indented when it is a JSON object or array, else `nil`.
    static func prettyPrinted(_ text: String) -> String? {
        let trimmed = text.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }
        guard let first = trimmed.first, first == "{" || first == "[" else { return nil }
        do {
            _ = try JSONParser(maximumDepth: 64).parse(Array(text.utf8))
        } catch {
            return nil
        }
        return reindented(text)
    }

    /// The text for display: pretty-printed when it is JSON, then cut to ``maximumLength``.
    static func display(_ text: String) -> String {
        let shown = prettyPrinted(text) ?? text
        // A character takes at least one byte, so short text needs no (linear) character count.
        guard shown.utf8.count > maximumLength, shown.count > maximumLength else { return shown }
        return String(shown.prefix(maximumLength)) + "… (\(shown.count - maximumLength) more characters)"
    }

    /// Re-indents JSON text that is known to be valid.
    private static func reindented(_ text: String) -> String {
        var output = ""
        output.unicodeScalars.reserveCapacity(text.unicodeScalars.count * 2)
        var depth = 0
        var inString = false
        var escaped = false
        var pendingOpen = false  // an opener was written; a newline follows unless it is empty
        func newline() {
            output += "\n"
            output += String(repeating: "  ", count: depth)
        }
        for scalar in text.unicodeScalars {
            if inString {
                output.unicodeScalars.append(scalar)
                if escaped {
                    escaped = false
                } else if scalar == "\\" {
                    escaped = true
                } else if scalar == "\"" {
                    inString = false
                }
                continue
            }
            switch scalar {
            case " ", "\n", "\r", "\t":
                continue
            case "}", "]":
                depth -= 1
                if !pendingOpen { newline() }
                pendingOpen = false
                output.unicodeScalars.append(scalar)
                continue
            default:
                break
            }
            if pendingOpen {
                newline()
                pendingOpen = false
            }
            switch scalar {
            case "{", "[":
                output.unicodeScalars.append(scalar)
                depth += 1
                pendingOpen = true
            case ",":
                output += ","
                newline()
            case ":":
                output += ": "
            case "\"":
                output += "\""
                inString = true
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
