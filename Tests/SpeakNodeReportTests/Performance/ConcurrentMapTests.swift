import Testing
@testable import SpeakNodeReport

@Suite("Concurrent map")
struct ConcurrentMapTests {
    @Test("keeps the order of the elements, for every size", arguments: [0, 1, 2, 3, 7, 8, 9, 100, 1_001])
    func keepsOrder(_ count: Int) {
        let numbers = Array(0..<count)
        #expect(numbers.concurrentMap { $0 * 2 } == numbers.map { $0 * 2 })
    }

    @Test("short arrays are mapped without going concurrent, to the same result")
    func minimumCount() {
        let words = ["b", "a", "c"]
        #expect(words.concurrentMap(minimumCount: 10) { $0.uppercased() } == ["B", "A", "C"])
    }
}
