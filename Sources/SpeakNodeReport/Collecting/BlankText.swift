extension String {
    /// Whether the text is empty or only whitespace: an id or name that says nothing.
    var isBlankText: Bool { allSatisfy(\.isWhitespace) }
}

extension Optional where Wrapped == String {
    /// The text as it came, unless it is missing or blank.
    var nonBlankText: String? {
        guard let self, !self.isBlankText else { return nil }
        return self
    }
}
