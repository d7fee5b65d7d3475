import Foundation

extension String {
    /// The text without whitespace and newlines at either end, as
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` gives it.
    ///
    /// Text that is empty or starts and ends with visible ASCII has nothing to trim: it is
    /// answered as it is, without Foundation's trimming, which costs a good deal when every test
    /// name, reason and recording link of a large report goes through it.
    var trimmedOfWhitespace: String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        let isVisible = (0x21...0x7E).contains(first) && (0x21...0x7E).contains(last)
        return isVisible ? self : trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
