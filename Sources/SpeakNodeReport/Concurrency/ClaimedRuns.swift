import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

/// Work cut into runs that the machine's cores claim one at a time, each core keeping one
/// worker's state from one run to the next.
///
/// Reading a folder keeps a read buffer and the texts shared so far per worker. With a fixed
/// share of runs per core, the core done first sat idle while the other finished its last
/// run: for 12,000 files on two cores, about a tenth of the reading time on one core. Claiming
/// the next run whenever one is done keeps every core busy to the end, and each worker's state
/// still serves every run it takes.
enum ClaimedRuns {
    /// The result of `work` for each run, in the order of `runs`; `makeWorker` makes the state
    /// one core keeps from run to run.
    static func results<Worker, Result: Sendable>(
        of runs: [Range<Int>],
        worker makeWorker: @Sendable () -> Worker,
        _ work: @Sendable (inout Worker, Range<Int>) -> Result
    ) -> [Result] {
        let workers = min(runs.count, ProcessInfo.processInfo.activeProcessorCount)
        guard workers > 1 else {
            var worker = makeWorker()
            return runs.map { work(&worker, $0) }
        }
        let slots = ConcurrentSlots<Result>(count: runs.count)
        let nextRun = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var worker = makeWorker()
            while true {
                let index = nextRun.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < runs.count else { return }
                slots.store(work(&worker, runs[index]), at: index)
            }
        }
        // Taken out of their slots, so that the caller holds the only reference to each result
        // and can move what it holds rather than copy it.
        return runs.indices.map { slots.take(at: $0) }
    }
}
