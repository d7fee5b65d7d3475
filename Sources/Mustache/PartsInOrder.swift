import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

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
    /// Guards the properties below.
    private let lock = Mutex(())
    /// Parts made and not yet handed over.
    private var made: [Value?]
    private var nextToMake = 0
    private var nextToHand = 0
    private var runningHelpers = 0
    private var abandoned = false
    /// Whether ``next()`` waits on `partDone` for the part it hands over next.
    private var isWaiting = false
    /// Signalled once for each wait, when the awaited part is stored.
    private let partDone = DispatchSemaphore(value: 0)

    init(count: Int, window: Int, helpers: Int, make: @escaping @Sendable (Int) -> Value) {
        self.make = make
        self.count = count
        self.window = max(1, window)
        self.maximumHelpers = max(0, helpers)
        made = Array(repeating: nil, count: count)
        startHelpers(lock.withLock { _ in helpersToStart() })
    }

    /// What ``next()`` does in one round: hand a part over, make one, or wait for one.
    private enum Step {
        case hand(Value, startingHelpers: Int)
        case make(Int)
        case wait
    }

    /// The value of the next part, in order; call it at most `count` times, from one thread.
    func next() -> Value {
        while true {
            let step = lock.withLock { _ -> Step in
                let index = nextToHand
                precondition(index < count, "more parts taken than there are")
                if let value = made[index].take() {
                    nextToHand += 1
                    return .hand(value, startingHelpers: helpersToStart())
                }
                if let other = claim() { return .make(other) }
                // The part is being made by a running helper, which signals when it is stored.
                isWaiting = true
                return .wait
            }
            switch step {
            case .hand(let value, let starting):
                startHelpers(starting)
                return value
            case .make(let index):
                store(make(index), at: index)
            case .wait:
                partDone.wait()
            }
        }
    }

    /// Stops helpers from starting further parts, when the caller takes no more (it failed).
    func abandon() {
        lock.withLock { _ in abandoned = true }
    }

    /// The next part to make, if it is within the window. With the lock held.
    private func claim() -> Int? {
        guard !abandoned, nextToMake < count, nextToMake < nextToHand + window else { return nil }
        defer { nextToMake += 1 }
        return nextToMake
    }

    /// Stores a made part, and wakes ``next()`` if it waits for this one.
    private func store(_ value: Value, at index: Int) {
        let wakes = lock.withLock { _ in
            made[index] = value
            guard index == nextToHand, isWaiting else { return false }
            isWaiting = false
            return true
        }
        if wakes { partDone.signal() }
    }

    /// How many helpers to start for the parts in the window left to start, counted as
    /// running. With the lock held.
    private func helpersToStart() -> Int {
        let startable = min(count, nextToHand + window) - nextToMake
        let starting = min(maximumHelpers - runningHelpers, startable)
        guard starting > 0, !abandoned else { return 0 }
        runningHelpers += starting
        return starting
    }

    /// Starts `count` helpers (already counted as running by ``helpersToStart()``).
    private func startHelpers(_ count: Int) {
        for _ in 0..<count {
            DispatchQueue.global().async { self.help() }
        }
    }

    /// A helper's work: parts, while any in the window is left to start.
    private func help() {
        while let index = lock.withLock({ _ in claimOrStop() }) {
            store(make(index), at: index)
        }
    }

    /// The next part for a helper to make, or `nil` after counting the helper as stopped. With the lock held.
    private func claimOrStop() -> Int? {
        if let index = claim() { return index }
        runningHelpers -= 1
        return nil
    }
}
