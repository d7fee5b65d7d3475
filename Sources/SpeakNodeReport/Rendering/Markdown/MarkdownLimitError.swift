/// The Markdown summary does not fit its size limit even when it shows only the verdict.
public struct MarkdownLimitError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The limit asked for, in UTF-16 code units.
    public var limit: Int
    /// The length of the shortest summary, in UTF-16 code units.
    public var smallest: Int

    public init(limit: Int, smallest: Int) {
        self.limit = limit
        self.smallest = smallest
    }

    public var description: String {
        "the Markdown summary needs at least \(smallest) characters even with only the verdict, "
            + "more than the limit of \(limit); raise --markdown-limit or shorten --title"
    }
}
