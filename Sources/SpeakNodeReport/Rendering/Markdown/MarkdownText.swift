#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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
    ///
    /// A text of at most `maximum` UTF-8 bytes has no more characters than that: it is answered
    /// without counting, which for text that is not all ASCII means walking it.
    static func clipped(_ text: String, to maximum: Int) -> String {
        let trimmed = text.trimmedOfWhitespace
        guard trimmed.utf8.count > maximum, trimmed.utf16.count > maximum else { return trimmed }
        let count = trimmed.count
        guard count > maximum else { return trimmed }
        return String(trimmed.prefix(maximum)) + "… (\(grouped(count - maximum)) more characters)"
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
