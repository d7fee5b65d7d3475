/// When a section over a list renders its items on several cores.
///
/// A report's template spends most of its time in a few long lists (the tests of a run, say).
/// Such a list is cut into contiguous parts rendered concurrently, each into its own text,
/// and the texts are joined in order. The output is exactly what rendering the items one
/// after another gives, whatever the number of parts (the spec tests check it with every
/// list cut into one-item parts); only the time changes.
///
/// Lists inside a part render on that part's thread: only the outermost long list is split.
public struct ListConcurrency: Sendable, Hashable {
    /// A list with fewer items renders on the calling thread.
    public var minimumItems: Int
    /// How many items each concurrently rendered part holds at least.
    public var minimumItemsPerPart: Int

    public init(minimumItems: Int, minimumItemsPerPart: Int) {
        self.minimumItems = max(1, minimumItems)
        self.minimumItemsPerPart = max(1, minimumItemsPerPart)
    }

    /// Lists of 32 items or more render concurrently, in parts of at least 8 items.
    public static let automatic = ListConcurrency(minimumItems: 32, minimumItemsPerPart: 8)

    /// Every list renders on the calling thread.
    public static let serial = ListConcurrency(minimumItems: .max, minimumItemsPerPart: .max)

    /// At most this many parts: enough to keep every core of a large machine busy while the
    /// parts differ in length, few enough that joining costs nothing.
    static let maximumParts = 32

    /// The item ranges `count` items are cut into, or `nil` when they render serially.
    func parts(of count: Int) -> [Range<Int>]? {
        guard count >= minimumItems else { return nil }
        let partCount = min(Self.maximumParts, count / minimumItemsPerPart)
        guard partCount > 1 else { return nil }
        let size = (count + partCount - 1) / partCount
        return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }
}
