import Foundation

/// Shortening and number formatting for the Markdown summary, done before escaping so a cut
/// never falls inside an escape sequence.
enum MarkdownText {
    /// The longest test, run or agent name the summary shows.
    static let nameLength = 200
    /// The longest reason the summary shows.
    static let reasonLength = 1000
    /// The longest transcript line the summary shows.
    static let lineLength = 500

    /// `text` without surrounding whitespace, cut to `maximum` characters with
    /// "… (N more characters)" when longer.
    static func clipped(_ text: String, to maximum: Int) -> String {
        // Text that is empty or starts and ends with visible ASCII has nothing to trim (the
        // common case; Foundation's trimming is costly for every name, reason and line).
        let trimmed = startsAndEndsVisibly(text) ? text : text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.utf16.count > maximum else { return trimmed }
        let count = trimmed.count
        guard count > maximum else { return trimmed }
        return String(trimmed.prefix(maximum)) + "… (\(grouped(count - maximum)) more characters)"
    }

    private static func startsAndEndsVisibly(_ text: String) -> Bool {
        guard let first = text.utf8.first, let last = text.utf8.last else { return true }
        return (0x21...0x7E).contains(first) && (0x21...0x7E).contains(last)
    }

    /// `4870` as `4,870`, the same on every machine.
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return number < 0 ? "-" + result : result
    }

    /// `1 thing` or `4,870 things`.
    static func counted(_ count: Int, _ singular: String, _ plural: String) -> String {
        "\(grouped(count)) \(count == 1 ? singular : plural)"
    }
}
