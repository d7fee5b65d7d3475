import Dispatch
import Foundation

/// Makes the values of a list's parts on several threads and hands them over in order.
///
/// The thread that calls ``next()`` takes part after part; while the one it needs next is not
/// done it renders a part itself, the next not yet started, and it waits only when every part
/// it may start is being made by a helper that is running. It never waits for work that has not
/// started, so helpers queued behind busy threads (other formats rendering, say) cannot
/// deadlock it: at worst it makes every part itself.
///
/// At most `window` parts, counted from the one `next()` returns next, are made or waiting at a
/// time; helpers (tasks on the global queue, at most `helpers` at a time) stop when the window is
/// full and are started again as it moves on.
final class PartsInOrder<Value: Sendable>: @unchecked Sendable {
    private let make: @Sendable (Int) -> Value
    private let count: Int
    private let window: Int
    private let maximumHelpers: Int
    // The rest is guarded by `condition`.
    private let condition = NSCondition()
    /// Parts made and not yet handed over.
    private var made: [Value?]
    private var nextToMake = 0
    private var nextToHand = 0
    private var runningHelpers = 0
    private var abandoned = false

    init(count: Int, window: Int, helpers: Int, make: @escaping @Sendable (Int) -> Value) {
        self.make = make
        self.count = count
        self.window = max(1, window)
        self.maximumHelpers = max(0, helpers)
        made = Array(repeating: nil, count: count)
        condition.withLock { startHelpers() }
    }

    /// The value of the next part, in order; call it at most `count` times, from one thread.
    func next() -> Value {
        condition.lock()
        defer { condition.unlock() }
        let index = nextToHand
        precondition(index < count, "more parts taken than there are")
        while true {
            if let value = made[index].take() {
                nextToHand += 1
                startHelpers()
                return value
            }
            if let other = claim() {
                makeUnlocked(other)
            } else {
                // The part is being made by a running helper, which signals when it is done.
                condition.wait()
            }
        }
    }

    /// Stops helpers from starting further parts, when the caller takes no more (it failed).
    func abandon() {
        condition.withLock { abandoned = true }
    }

    /// The next part to make, if it is within the window. With the lock held.
    private func claim() -> Int? {
        guard !abandoned, nextToMake < count, nextToMake < nextToHand + window else { return nil }
        defer { nextToMake += 1 }
        return nextToMake
    }

    /// Makes part `index` without holding the lock, and stores it. With the lock held.
    private func makeUnlocked(_ index: Int) {
        condition.unlock()
        let value = make(index)
        condition.lock()
        made[index] = value
        if index == nextToHand { condition.signal() }
    }

    /// Starts helpers while parts in the window are left to start. With the lock held.
    private func startHelpers() {
        let startable = min(count, nextToHand + window) - nextToMake
        let starting = min(maximumHelpers - runningHelpers, startable)
        guard starting > 0, !abandoned else { return }
        runningHelpers += starting
        for _ in 0..<starting {
            DispatchQueue.global().async { self.help() }
        }
    }

    /// A helper's work: parts, while any in the window is left to start.
    private func help() {
        condition.lock()
        while let index = claim() {
            makeUnlocked(index)
        }
        runningHelpers -= 1
        condition.unlock()
    }
}
