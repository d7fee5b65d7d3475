#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Cuts work into contiguous runs, several per core, each done in order by one worker.
///
/// A worker keeps what it builds up from one item to the next (a read buffer, the strings
/// shared so far), so it takes a run of items rather than one at a time; many runs per core
/// let a core that finishes early take another (see ``ClaimedRuns``). The runs are of one
/// length but for the last ones, which shrink: a core then never waits long for the other's
/// last run. With sixteen equal runs for 12,000 files on two cores, that wait was up to a
/// run's time (some 60 ms) with one core idle.
enum WorkerRuns {
    /// The runs covering `0..<count`, in order; none when `count` is 0.
    static func ranges(count: Int) -> [Range<Int>] {
        guard count > 0 else { return [] }
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let runCount = min(count, cores * runsPerCore)
        let runLength = (count + runCount - 1) / runCount
        let shortestRun = max(1, runLength / 8)
        var runs: [Range<Int>] = []
        var start = 0
        while start < count {
            let remaining = count - start
            // Once what is left is about one run for each core, each run takes half of a
            // core's share of what is left, down to an eighth of a run.
            let length = remaining > cores * runLength
                ? runLength
                : max(shortestRun, (remaining + 2 * cores - 1) / (2 * cores))
            runs.append(start..<min(start + length, count))
            start += length
        }
        return runs
    }

    /// How many runs of the full length each core's share is cut into, about.
    static let runsPerCore = 8
}
