extension String {
    /// Whether the text is empty or only whitespace: an id or name that says nothing.
    ///
    /// A character is whitespace when its first scalar is, so an ASCII byte that is not
    /// whitespace belongs to a character that is not: most texts are settled by their first
    /// byte, without the Unicode property look-ups of `Character.isWhitespace`.
    var isBlankText: Bool {
        if utf8.contains(where: { UTF8.isASCII($0) && !Self.isASCIIWhitespace($0) }) { return false }
        return allSatisfy(\.isWhitespace)
    }

    /// Whether an ASCII byte is a character with Unicode's `White_Space` property (tab, line
    /// feed, vertical tab, form feed, carriage return, space): the ASCII characters
    /// `Character.isWhitespace` calls whitespace.
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}

extension Optional where Wrapped == String {
    /// The text as it came, unless it is missing or blank.
    var nonBlankText: String? {
        guard let self, !self.isBlankText else { return nil }
        return self
    }
}
