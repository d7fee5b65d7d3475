import Foundation
import Testing
@testable import SpeakNodeReport

@Suite("Worker runs")
struct WorkerRunsTests {
    @Test("runs cover every item once, in order, none empty, none longer than the first, at most twice runsPerCore per core",
          arguments: [0, 1, 2, 7, 8, 9, 100, 12_000])
    func covering(count: Int) {
        let runs = WorkerRuns.ranges(count: count)
        #expect(runs.flatMap { Array($0) } == Array(0..<count))
        #expect(runs.allSatisfy { !$0.isEmpty })
        #expect(runs.allSatisfy { $0.count <= runs[0].count })
        #expect(runs.count <= 2 * max(1, ProcessInfo.processInfo.activeProcessorCount) * WorkerRuns.runsPerCore)
        #expect(runs.count == min(count, runs.count))
    }

    @Test("the last runs shrink, so that no core waits long for another's last run")
    func taperingTail() {
        let runs = WorkerRuns.ranges(count: 12_000)
        let lengths = runs.map(\.count)
        #expect(lengths.last ?? 0 <= max(1, lengths[0] / 8))
        #expect(zip(lengths, lengths.dropFirst()).allSatisfy { $0 >= $1 || $1 == lengths.last })
        // Every run but the tail's is of the full length.
        #expect(lengths.filter { $0 == lengths[0] }.count >= lengths.count / 2)
    }

    @Test("claimed runs give every run's result once, in order, each worker keeping its state across runs")
    func claimed() {
        let runs = WorkerRuns.ranges(count: 5_000)
        let results = ClaimedRuns.results(of: runs, worker: { [Int]() }) { seen, run in
            seen.append(run.lowerBound)
            // Every run a worker took so far, this one last: the state lives from run to run.
            return (run, seen)
        }
        #expect(results.map(\.0) == runs)
        for (run, seen) in results {
            #expect(seen.last == run.lowerBound)
            #expect(seen == seen.sorted(), "a worker claims runs in order")
        }
        let workers = Set(results.map { $0.1.first })
        #expect(workers.count <= max(1, ProcessInfo.processInfo.activeProcessorCount))
        #expect(results.map(\.1.count).max() ?? 0 >= (runs.count + workers.count - 1) / workers.count)
    }
}
