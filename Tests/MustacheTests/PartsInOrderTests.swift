import Foundation
@testable import Mustache
import Testing

@Suite("Parts of a list made on several threads and handed over in order")
struct PartsInOrderTests {
    /// Counts what several threads do, under a lock.
    final class Counter: @unchecked Sendable {
        // Guarded by `lock`.
        private var count = 0
        private let lock = NSLock()
        func increment() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }

    @Test("Parts come in order, each made once, whatever the window and the number of helpers",
          arguments: [(1, 0), (1, 3), (2, 1), (6, 1), (6, 0), (40, 4)])
    func inOrder(window: Int, helpers: Int) {
        let made = Counter()
        let count = 100
        let parts = PartsInOrder(count: count, window: window, helpers: helpers) { index in
            made.increment()
            // Parts of uneven length, so that later ones are often done first.
            if index % 7 == 0 { usleep(300) }
            return index
        }
        var handed: [Int] = []
        for _ in 0..<count { handed.append(parts.next()) }
        #expect(handed == Array(0..<count))
        #expect(made.value == count)
    }

    @Test("No more parts are started than the window holds beyond the last one handed over")
    func bounded() {
        let started = Counter()
        let (count, window) = (60, 3)
        let parts = PartsInOrder(count: count, window: window, helpers: 4) { index in
            started.increment()
            usleep(index % 2 == 0 ? 200 : 50)
            return index
        }
        for index in 0..<count {
            #expect(parts.next() == index)
            // Parts up to `index + window` may be started, so `index + window + 1` of them.
            #expect(started.value <= min(count, index + window + 1), "after part \(index)")
        }
    }

    @Test("After the caller gives up, helpers start no further parts")
    func abandoned() {
        let started = Counter()
        let parts = PartsInOrder(count: 1_000, window: 4, helpers: 2) { index in
            started.increment()
            usleep(100)
            return index
        }
        #expect(parts.next() == 0)
        parts.abandon()
        usleep(20_000)
        #expect(started.value <= 5)
    }
}
