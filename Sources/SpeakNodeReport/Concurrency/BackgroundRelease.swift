import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

/// Frees a large value on a background thread, so that the caller does not wait for it.
///
/// Freeing every delivery, transcript and template value of ten thousand conversations takes
/// a good part of a second. Handing a copy to a background block is not enough: when the block
/// runs before the caller's own reference goes (the block has nothing to wait for), the
/// caller's reference is the last one, and the caller frees everything after all. The value is
/// therefore moved into a box that the block empties: whichever side lets go last, the value
/// itself is freed by the block.
public enum BackgroundRelease {
    /// Lets the last reference to `value` go on a background thread.
    public static func release<Value: Sendable>(_ value: consuming Value) {
        let handoff = Handoff(value)
        DispatchQueue.global(qos: .utility).async { _ = handoff.take() }
    }
}

/// Holds a value until a background block takes it out.
private final class Handoff<Value: Sendable>: @unchecked Sendable {
    private let lock = Mutex(())
    /// Guarded by `lock`; `nil` once taken.
    private var value: Value?

    init(_ value: consuming Value) {
        self.value = value
    }

    /// The value, leaving none behind.
    func take() -> Value? {
        lock.withLock { _ in
            let taken = value
            value = nil
            return taken
        }
    }
}
