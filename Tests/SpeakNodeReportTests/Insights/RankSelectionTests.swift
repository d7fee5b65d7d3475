import Testing
@testable import SpeakNodeReport

@Suite("Statistics by rank selection")
struct RankSelectionTests {
    /// Deterministic pseudo-random values with many repeats, as measured latencies rounded to
    /// the millisecond have.
    static func values(count: Int, seed: UInt64, distinct: Int = 500) -> [Double] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double((state >> 33) % UInt64(distinct) + 1) / 1000
        }
    }

    /// The statistics as they were first computed: from every value sorted.
    static func sortedStatistics(_ values: [Double]) -> LatencyStatistics? {
        let sorted = values.sorted()
        guard let max = sorted.last,
              let p50 = Percentile.inclusive(0.5, ofSorted: sorted),
              let p90 = Percentile.inclusive(0.9, ofSorted: sorted),
              let p95 = Percentile.inclusive(0.95, ofSorted: sorted)
        else { return nil }
        return LatencyStatistics(count: sorted.count, p50: p50, p90: p90, p95: p95, max: max)
    }

    @Test("selected ranks hold what sorting puts there", arguments: [1, 2, 3, 17, 18, 64, 65, 100, 5_000])
    func ranksMatchSorting(count: Int) {
        let values = Self.values(count: count, seed: UInt64(count), distinct: count < 100 ? 5 : 500)
        let sorted = values.sorted()
        let ranks = [count - 1, count / 2, 0, count / 3, count / 2, count + 4]
        var selected = values
        selected.moveToSortedPositions(ranks: ranks)
        for rank in ranks where rank < count { #expect(selected[rank] == sorted[rank]) }
        #expect(selected.sorted() == sorted)
    }

    @Test("sorted, reversed and constant input")
    func orderedInput() {
        let ascending = (0..<1_000).map(Double.init)
        for values in [ascending, ascending.reversed(), Array(repeating: 0.25, count: 1_000)] {
            var selected = values
            selected.moveToSortedPositions(ranks: [999, 500, 899])
            let sorted = values.sorted()
            #expect([selected[500], selected[899], selected[999]] == [sorted[500], sorted[899], sorted[999]])
        }
    }

    @Test("statistics are exactly those of the sorted values", arguments: [1, 2, 3, 4, 10, 19, 20, 21, 1_000, 30_001])
    func statisticsMatchSorting(count: Int) {
        for seed in 1...3 {
            let values = Self.values(count: count, seed: UInt64(seed * 7_919 + count))
            #expect(LatencyStatistics(values) == Self.sortedStatistics(values))
        }
    }
}

@Suite("Rank selection of the smallest and largest left")
struct RankSelectionExtremeTests {
    @Test("consecutive ranks from the start and the last rank hold what sorting puts there")
    func consecutiveAndLast() {
        for count in [2, 17, 40, 1_001] {
            let values = RankSelectionTests.values(count: count, seed: UInt64(count) &* 31, distinct: 7)
            let sorted = values.sorted()
            let ranks = [0, 1, 2, count / 2, count / 2 + 1, count - 2, count - 1]
            var selected = values
            selected.moveToSortedPositions(ranks: ranks)
            for rank in ranks where rank < count { #expect(selected[rank] == sorted[rank]) }
            #expect(selected.sorted() == sorted)
        }
    }
}

@Suite("Rank selection against a full sort")
struct RankSelectionPropertyTests {
    /// Random values of many sizes, with few or many repeats, with every statistic's ranks and
    /// some random ones: each selected rank holds exactly what a full sort puts there, and the
    /// statistics are exactly those of the sorted values.
    @Test("random data of many sizes matches a full sort")
    func randomDataMatchesSorting() {
        var generator = SystemRandomNumberGenerator()
        let sizes = Array(0...80) + [100, 127, 128, 129, 255, 1_000, 1_023, 4_096, 10_007, 65_537, 200_003]
        for count in sizes {
            for distinct in [1, 2, 7, 1_000, 1_000_000] {
                let values = (0..<count).map { _ in Double(Int.random(in: 0..<distinct, using: &generator)) / 1000 }
                let sorted = values.sorted()
                var ranks = [0, count / 2, count / 2 + 1, count * 9 / 10, count * 19 / 20, count - 1]
                ranks += (0..<4).map { _ in Int.random(in: 0..<Swift.max(count, 1), using: &generator) }
                var selected = values
                selected.moveToSortedPositions(ranks: ranks)
                for rank in ranks where rank >= 0 && rank < count {
                    #expect(selected[rank] == sorted[rank], "count \(count), distinct \(distinct), rank \(rank)")
                }
                #expect(selected.sorted() == sorted)
                #expect(LatencyStatistics(values) == RankSelectionTests.sortedStatistics(values))
            }
        }
    }

    @Test("sorted, reversed and organ-pipe input of many sizes matches a full sort")
    func adversarialOrders() {
        for count in [65, 100, 1_001, 50_000] {
            let ascending = (0..<count).map { Double($0 % 97) }.sorted()
            let organPipe = (0..<count).map { Double(Swift.min($0, count - $0)) }
            for values in [ascending, Array(ascending.reversed()), organPipe] {
                #expect(LatencyStatistics(values) == RankSelectionTests.sortedStatistics(values))
            }
        }
    }
}
