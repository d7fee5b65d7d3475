import Foundation

/// One slot per piece of work done concurrently (a chunk of a map, a report format), each
/// stored once from its own thread and read, in order, once all are done.
final class ConcurrentSlots<Value: Sendable>: @unchecked Sendable {
    // Guarded by `lock`.
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func store(_ value: Value, at index: Int) {
        lock.withLock { slots[index] = value }
    }

    /// Every slot's value, in order. A slot left empty is a bug in the caller, never a value
    /// to leave out quietly.
    var all: [Value] {
        lock.withLock {
            slots.map { slot in
                guard let slot else { preconditionFailure("a piece of concurrent work stored no result") }
                return slot
            }
        }
    }
}
