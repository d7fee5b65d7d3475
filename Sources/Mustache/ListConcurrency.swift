#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// When a section over a list renders its items on several cores.
///
/// A report's template spends most of its time in a few long lists (the tests of a run, say).
/// Such a list is cut into small contiguous parts rendered concurrently, each into its own
/// text, and the texts are joined in order. The output is exactly what rendering the items
/// one after another gives, whatever the number of parts (the spec tests check it with every
/// list cut into one-item parts); only the time changes.
///
/// The parts are small and only a few are rendered ahead of the text written so far (see
/// ``PartsInOrder``), so a long list's text is never held whole: each part's text goes on
/// (to the sink, when rendering into one) as soon as it and every part before it are done.
///
/// Lists inside a part render on that part's thread: only the outermost long list is split.
/// When that list's items are large themselves (32 runs of hundreds of tests each, say), the
/// parts in flight hold whole items, so memory is bounded by their size rather than by the
/// inner lists' parts.
public struct ListConcurrency: Sendable, Hashable {
    /// A list with fewer items renders on the calling thread.
    public var minimumItems: Int
    /// How many items each concurrently rendered part holds at least.
    public var minimumItemsPerPart: Int
    /// How many items each part holds at most, which bounds the text of a part in memory.
    public var maximumItemsPerPart: Int
    /// How many parts of one list may be rendered or waiting to be written at a time: a few
    /// per core keep every core busy while parts differ in length, and bound the memory.
    var partsInFlight = 3 * Self.cores

    public init(minimumItems: Int, minimumItemsPerPart: Int, maximumItemsPerPart: Int = 32) {
        self.minimumItems = max(1, minimumItems)
        self.minimumItemsPerPart = max(1, minimumItemsPerPart)
        self.maximumItemsPerPart = max(self.minimumItemsPerPart, maximumItemsPerPart)
    }

    /// Lists of 32 items or more render concurrently, in parts of 8 to 32 items.
    ///
    /// A report's item (a test case, say) renders to a few kilobytes up to tens of them, so a
    /// part of 32 is at most about a megabyte of text and takes about a millisecond: long
    /// enough that handing parts between threads costs next to nothing.
    public static let automatic = ListConcurrency(minimumItems: 32, minimumItemsPerPart: 8)

    /// Every list renders on the calling thread.
    public static let serial = ListConcurrency(minimumItems: .max, minimumItemsPerPart: .max)

    /// A list is cut into at least this many parts when its items allow (at least
    /// `minimumItemsPerPart` each): enough for every core to have parts while they differ
    /// in length.
    static let preferredParts = 32

    /// The item ranges `count` items are cut into, or `nil` when they render serially.
    func parts(of count: Int) -> [Range<Int>]? {
        guard count >= minimumItems else { return nil }
        let evenSize = (count + Self.preferredParts - 1) / Self.preferredParts
        let size = min(maximumItemsPerPart, max(minimumItemsPerPart, evenSize))
        guard size < count else { return nil }
        return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }

    /// How many threads besides the calling one render a list's parts: the calling thread
    /// renders parts too, whenever the next one it needs is not done yet, so one thread per
    /// core in all (none besides it on a single core).
    static let helperThreads = cores - 1

    private static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
}
