import Foundation
import Testing
@testable import SpeakNodeReport

@Suite("Concurrent map")
struct ConcurrentMapTests {
    @Test("keeps the order of the elements, for every size", arguments: [0, 1, 2, 3, 7, 8, 9, 100, 1_001])
    func keepsOrder(_ count: Int) {
        let numbers = Array(0..<count)
        #expect(numbers.concurrentMap { $0 * 2 } == numbers.map { $0 * 2 })
    }

    @Test("transforms every element once, into results that own their storage, for uneven chunks",
          arguments: [2, 9, 25, 33, 1_001])
    func everyElementOnce(_ count: Int) {
        let calls = CallCounter()
        let results = Array(0..<count).concurrentMap { number in
            calls.count(number)
            return [String(number), String(repeating: "x", count: number % 40)]
        }
        #expect(results == (0..<count).map { [String($0), String(repeating: "x", count: $0 % 40)] })
        #expect(calls.counts == Array(repeating: 1, count: count))
    }

    /// How often each number was transformed.
    final class CallCounter: @unchecked Sendable {
        private var callsByNumber: [Int: Int] = [:]
        private let lock = NSLock()

        func count(_ number: Int) { lock.withLock { callsByNumber[number, default: 0] += 1 } }

        var counts: [Int] { lock.withLock { callsByNumber.keys.sorted().map { callsByNumber[$0] ?? 0 } } }
    }

    @Test("short arrays are mapped without going concurrent, to the same result")
    func minimumCount() {
        let words = ["b", "a", "c"]
        #expect(words.concurrentMap(minimumCount: 10) { $0.uppercased() } == ["B", "A", "C"])
    }
}

@Suite("Concurrent slots")
struct ConcurrentSlotsTests {
    @Test("values taken out come back as given, each to the piece of work that takes it")
    func take() {
        let slots = ConcurrentSlots([[1.0, 2], [3], []])
        let taken = Array(0..<3).concurrentMap { slots.take(at: $0) }
        #expect(taken == [[1, 2], [3], []])
    }
}
