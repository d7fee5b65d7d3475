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
        // Checked where the string keeps its bytes: no array of them is made first.
        var text = text
        let isJSON = text.withUTF8 { bytes in (try? JSONParser(maximumDepth: 64).parse(bytes)) != nil }
        return isJSON ? reindented(text) : nil
    }

    /// The text for display: pretty-printed when it is JSON, then cut to ``maximumLength``.
    static func display(_ text: String) -> String {
        let shown = prettyPrinted(text) ?? text
        // A character takes at least one byte, so short text needs no (linear) character count.
        guard shown.utf8.count > maximumLength, shown.count > maximumLength else { return shown }
        return String(shown.prefix(maximumLength)) + "… (\(shown.count - maximumLength) more characters)"
    }

    /// Re-indents JSON text that is known to be valid.
    ///
    /// It works on UTF-8 bytes: every byte it looks at (brackets, quotes, commas, colons,
    /// whitespace, backslashes) is ASCII, and no byte of a longer character is ever ASCII, so
    /// the other bytes are copied through unchanged and the result is valid UTF-8.
    private static func reindented(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count * 2)
        var depth = 0
        var inString = false
        var escaped = false
        var pendingOpen = false  // an opener was written; a newline follows unless it is empty
        func newline() {
            output.append(UInt8(ascii: "\n"))
            output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
        }
        for byte in text.utf8 {
            if inString {
                output.append(byte)
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                continue
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if !pendingOpen { newline() }
                pendingOpen = false
                output.append(byte)
                continue
            default:
                break
            }
            if pendingOpen {
                newline()
                pendingOpen = false
            }
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                output.append(byte)
                depth += 1
                pendingOpen = true
            case UInt8(ascii: ","):
                output.append(byte)
                newline()
            case UInt8(ascii: ":"):
                output.append(byte)
                output.append(UInt8(ascii: " "))
            case UInt8(ascii: "\""):
                output.append(byte)
                inString = true
            default:
                output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
