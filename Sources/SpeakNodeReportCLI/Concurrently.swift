import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

/// Runs two pieces of work at the same time and returns both results, for work that does not
/// depend on each other (the reports rendering while the JSON summary is encoded).
///
/// The second runs as a task of its own and the first on the calling thread, not as two
/// iterations of `concurrentPerform`: work either spreads over the cores would run serially
/// inside one.
func concurrently<First: Sendable, Second: Sendable>(
    _ first: () -> First, _ second: @escaping @Sendable () -> Second
) -> (First, Second) {
    let results = PairSlots<First, Second>()
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) { results.setSecond(second()) }
    results.setFirst(first())
    group.wait()
    return results.both
}

/// The two results, each stored once from its own thread and read after both are done.
private final class PairSlots<First: Sendable, Second: Sendable>: @unchecked Sendable {
    // Guarded by `lock`.
    private var first: First?
    private var second: Second?
    private let lock = Mutex(())

    func setFirst(_ value: First) { lock.withLock { _ in first = value } }
    func setSecond(_ value: Second) { lock.withLock { _ in second = value } }

    var both: (First, Second) {
        lock.withLock { _ in
            guard let first, let second else { preconditionFailure("read before both were stored") }
            return (first, second)
        }
    }
}
