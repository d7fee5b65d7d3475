import Dispatch
import Foundation

/// Runs two pieces of work at the same time and returns both results, for work that does not
/// depend on each other (the reports rendering while the JSON summary is encoded).
func concurrently<First: Sendable, Second: Sendable>(
    _ first: @Sendable () -> First, _ second: @Sendable () -> Second
) -> (First, Second) {
    let results = PairSlots<First, Second>()
    DispatchQueue.concurrentPerform(iterations: 2) { index in
        if index == 0 { results.setFirst(first()) } else { results.setSecond(second()) }
    }
    return results.both
}

/// The two results, each stored once from its own thread and read after both are done.
private final class PairSlots<First: Sendable, Second: Sendable>: @unchecked Sendable {
    // Guarded by `lock`.
    private var first: First?
    private var second: Second?
    private let lock = NSLock()

    func setFirst(_ value: First) { lock.withLock { first = value } }
    func setSecond(_ value: Second) { lock.withLock { second = value } }

    var both: (First, Second) {
        lock.withLock {
            guard let first, let second else { preconditionFailure("read before both were stored") }
            return (first, second)
        }
    }
}
