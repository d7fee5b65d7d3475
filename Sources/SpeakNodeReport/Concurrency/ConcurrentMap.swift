import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Array where Element: Sendable {
    /// The elements transformed, in order, with the work spread over the machine's cores.
    ///
    /// The array is cut into a few contiguous chunks per core, so cheap transforms do not
    /// drown in scheduling; arrays shorter than `minimumCount` are mapped on the calling thread.
    /// Each chunk writes its results straight into their places in the returned array: there
    /// are no arrays of chunks to join, which copied every result (retaining all it holds) and
    /// then freed the copied-from chunk.
    func concurrentMap<Transformed: Sendable>(
        minimumCount: Int = 2,
        _ transform: @Sendable (Element) -> Transformed
    ) -> [Transformed] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard count >= minimumCount, count > 1, cores > 1 else { return map(transform) }
        let chunkCount = Swift.min(count, cores * 4)
        let chunkSize = (count + chunkCount - 1) / chunkCount
        return [Transformed](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            guard let start = buffer.baseAddress else { preconditionFailure("no storage for \(count) results") }
            let results = ChunkResults(start: start)
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                // The last chunks are empty when the chunks do not divide the array evenly.
                let start = Swift.min(chunk * chunkSize, count)
                for index in start..<Swift.min(start + chunkSize, count) {
                    results.initialize(at: index, to: transform(self[index]))
                }
            }
            // `concurrentPerform` returns only once every chunk is done.
            initializedCount = count
        }
    }
}

/// Where the chunks of a ``Swift/Array/concurrentMap(minimumCount:_:)`` put their results.
///
/// Safe to share between threads because each chunk initializes only the elements of its own
/// indices, each once, and the array is not read until every chunk is done.
private struct ChunkResults<Value>: @unchecked Sendable {
    let start: UnsafeMutablePointer<Value>

    func initialize(at index: Int, to value: consuming Value) {
        (start + index).initialize(to: value)
    }
}
