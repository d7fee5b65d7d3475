import Foundation
import Testing
@testable import SpeakNodeReport

@Suite("Worker runs")
struct WorkerRunsTests {
    @Test("runs cover every item once, in order, none empty, a few per core at most",
          arguments: [0, 1, 2, 7, 8, 9, 100, 12_000])
    func covering(count: Int) {
        let runs = WorkerRuns.ranges(count: count)
        #expect(runs.flatMap { Array($0) } == Array(0..<count))
        #expect(runs.allSatisfy { !$0.isEmpty })
        #expect(runs.count <= max(1, ProcessInfo.processInfo.activeProcessorCount) * 4)
        #expect(runs.count == min(count, runs.count))
    }
}
