#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

/// One slot per piece of work done concurrently (a chunk of a map, a report format), each
/// stored once from its own thread and read, in order, once all are done.
final class ConcurrentSlots<Value: Sendable>: @unchecked Sendable {
    // Guarded by `lock`.
    private var slots: [Value?]
    private let lock = Mutex(())

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    /// Slots that already hold `values`, for pieces of work that each take their own out
    /// (``take(at:)``).
    init(_ values: [Value]) {
        slots = values
    }

    func store(_ value: Value, at index: Int) {
        lock.withLock { _ in slots[index] = value }
    }

    /// The value of a slot, taken out of it: the taker then holds the only reference, so an
    /// array it changes is changed in place, not copied. Taking from an empty slot is a bug
    /// in the caller.
    func take(at index: Int) -> Value {
        lock.withLock { _ in
            guard let value = slots[index].take() else { preconditionFailure("a concurrent slot was taken twice") }
            return value
        }
    }

    /// Every slot's value, in order. A slot left empty is a bug in the caller, never a value
    /// to leave out quietly.
    var all: [Value] {
        lock.withLock { _ in
            slots.map { slot in
                guard let slot else { preconditionFailure("a piece of concurrent work stored no result") }
                return slot
            }
        }
    }
}
