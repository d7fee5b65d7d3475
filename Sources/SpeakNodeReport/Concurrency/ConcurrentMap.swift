import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// The elements transformed, in order, with the work spread over the machine's cores.
    ///
    /// The array is cut into a few contiguous chunks per core, so cheap transforms do not
    /// drown in scheduling; arrays shorter than `minimumCount` are mapped on the calling thread.
    func concurrentMap<Transformed: Sendable>(
        minimumCount: Int = 2,
        _ transform: @Sendable (Element) -> Transformed
    ) -> [Transformed] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard count >= minimumCount, count > 1, cores > 1 else { return map(transform) }
        let chunkCount = Swift.min(count, cores * 4)
        let chunkSize = (count + chunkCount - 1) / chunkCount
        let chunks = ConcurrentSlots<[Transformed]>(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let start = chunk * chunkSize
            let end = Swift.min(start + chunkSize, count)
            chunks.store(start < end ? self[start..<end].map(transform) : [], at: chunk)
        }
        return chunks.all.flatMap { $0 }
    }
}
