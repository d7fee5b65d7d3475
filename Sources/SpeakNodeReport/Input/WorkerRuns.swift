#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Cuts work into contiguous runs, several per core, each done in order by one worker.
///
/// A worker keeps what it builds up from one item to the next (a read buffer, the strings
/// shared so far), so it takes a run of items rather than one at a time; many runs per core
/// let a core that finishes early take another (see ``ClaimedRuns``), and keep the wait for
/// the last run short.
enum WorkerRuns {
    /// The runs covering `0..<count`, in order; none when `count` is 0.
    static func ranges(count: Int) -> [Range<Int>] {
        guard count > 0 else { return [] }
        let runCount = min(count, max(1, ProcessInfo.processInfo.activeProcessorCount) * runsPerCore)
        let runLength = (count + runCount - 1) / runCount
        return stride(from: 0, to: count, by: runLength).map { $0..<min($0 + runLength, count) }
    }

    /// How many runs each core's share is cut into.
    static let runsPerCore = 8
}
