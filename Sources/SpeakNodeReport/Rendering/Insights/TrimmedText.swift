extension String {
    /// The text without whitespace and newlines at either end, as Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` gives it (see ``isWhitespaceOrNewline(_:)``).
    ///
    /// Text that is empty or starts and ends with visible ASCII has nothing to trim: it is
    /// answered as it is, without looking at each character, which costs a good deal when every
    /// test name, reason and recording link of a large report goes through it.
    var trimmedOfWhitespace: String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        if (0x21...0x7E).contains(first) && (0x21...0x7E).contains(last) { return self }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !Self.isWhitespaceOrNewline($0) }),
              let end = scalars.lastIndex(where: { !Self.isWhitespaceOrNewline($0) })
        else { return "" }
        return String(scalars[start...end])
    }

    /// The characters of Foundation's `CharacterSet.whitespacesAndNewlines`: Unicode's
    /// White_Space (spaces, tabs, line breaks, U+0085, the line and paragraph separators) and
    /// U+200B ZERO WIDTH SPACE.
    static func isWhitespaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.value == 0x200B
    }
}
