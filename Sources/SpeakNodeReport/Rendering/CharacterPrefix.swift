extension String {
    /// The first `limit` characters when the text has more, else `nil`: for cutting long
    /// payload text. Text with no more bytes than `limit` is answered without counting its
    /// characters, and longer text is walked only as far as the cut.
    func characterPrefix(ifLongerThan limit: Int) -> Substring? {
        guard utf8.count > limit, let cut = index(startIndex, offsetBy: limit, limitedBy: endIndex), cut < endIndex
        else { return nil }
        return self[..<cut]
    }
}
