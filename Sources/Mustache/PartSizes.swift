#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

/// How long the text of a list's part is expected to be, from the parts rendered so far.
///
/// A part's text grows by doubling from empty: each doubling copies what is there, and the
/// last one leaves up to half the buffer unused while the part waits to be written. Parts of
/// one list are alike (items of one kind), so a part reserves, before it starts, what the
/// parts done so far averaged per item, with a quarter more for the part that runs long.
final class PartSizes: @unchecked Sendable {
    private let lock = Mutex(())
    /// Guarded by `lock`: the bytes and items of the parts done so far.
    private var bytes = 0
    private var items = 0

    /// The bytes to reserve for a part of `count` items; 0 until a part is done.
    func expectedSize(ofItems count: Int) -> Int {
        let (bytes, items) = lock.withLock { _ in (self.bytes, self.items) }
        guard items > 0 else { return 0 }
        return bytes / items * count / 4 * 5
    }

    /// Notes that a part of `count` items gave `size` bytes.
    func record(_ size: Int, items count: Int) {
        lock.withLock { _ in
            bytes += size
            items += count
        }
    }
}
