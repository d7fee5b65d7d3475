#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads deliveries from the inputs a user names: files, folders, or `-` for standard input.
///
/// Nothing stops the reading: a missing file, a broken line or an invalid delivery becomes an
/// ``InputProblem`` and everything else is still read. Folders are searched recursively for
/// `.json`, `.ndjson` and `.jsonl` files in byte-wise order of their paths, skipping hidden
/// entries, so the same folder always yields the same deliveries in the same order. A file
/// named explicitly is read whatever its extension; when the extension says nothing, its
/// contents decide between JSON and NDJSON, as for standard input.
public struct DeliveryReader: Sendable {
    private let readStandardInput: @Sendable () throws -> [UInt8]
    private let contentsDecoder: DeliveryContentsDecoder

    /// - Parameter readStandardInput: reads all of standard input; replace it in tests.
    public init(
        contentsDecoder: DeliveryContentsDecoder = DeliveryContentsDecoder(),
        readStandardInput: @escaping @Sendable () throws -> [UInt8] = FileReading.readStandardInput
    ) {
        self.contentsDecoder = contentsDecoder
        self.readStandardInput = readStandardInput
    }

    /// Reads every input in order; `-` is standard input.
    public func read(_ inputs: [String]) -> InputBatch {
        var batch = InputBatch()
        for input in inputs {
            batch.append(contentsOf: read(input))
        }
        return batch
    }

    private func read(_ input: String) -> InputBatch {
        if input == "-" {
            return decode(file: input, format: .detected) { try readStandardInput() }
        }
        guard let kind = PathKind(path: input) else {
            return InputBatch(problems: [InputProblem(source: SourceLocation(file: input), reason: "no such file or folder")])
        }
        if kind == .folder {
            return readFolder(input)
        }
        return decode(file: input, format: InputFormat(path: input)) { try FileReading.readFile(atPath: input) }
    }

    private func readFolder(_ folder: String) -> InputBatch {
        let paths = FolderSearch.deliveryFiles(in: folder)
        guard !paths.isEmpty else {
            return InputBatch(problems: [InputProblem(
                source: SourceLocation(file: folder),
                reason: "no .json, .ndjson or .jsonl files in this folder")])
        }
        let runBatches = ClaimedRuns.results(of: WorkerRuns.ranges(count: paths.count), worker: { FolderWorker() }) { worker, run in
            decodeFiles(paths[run], with: &worker)
        }
        return InputBatch(joining: runBatches)
    }

    /// Reads and decodes files one after another into one batch, as one worker: the worker's
    /// read buffer serves every file, the deliveries go straight into the batch, and strings that
    /// the files repeat are shared (``RepeatedStrings``).
    private func decodeFiles(_ paths: ArraySlice<String>, with worker: inout FolderWorker) -> InputBatch {
        var batch = InputBatch()
        let repeated = RepeatedStrings()
        for path in paths {
            let count: Int
            do {
                count = try FileReading.readFile(atPath: path, into: &worker.buffer)
            } catch {
                batch.problems.append(InputProblem(source: SourceLocation(file: path), reason: "\(error)"))
                continue
            }
            batch.filesRead += 1
            worker.buffer.withUnsafeBufferPointer { bytes in
                contentsDecoder.decode(UnsafeBufferPointer(rebasing: bytes[..<count]), file: path,
                                       format: InputFormat(path: path), sharing: repeated, into: &batch)
            }
        }
        return batch
    }

    private func decode(file: String, format: InputFormat, bytes: () throws -> [UInt8]) -> InputBatch {
        let contents: [UInt8]
        do {
            contents = try bytes()
        } catch {
            return InputBatch(problems: [InputProblem(source: SourceLocation(file: file), reason: "\(error)")])
        }
        var batch = contentsDecoder.decode(contents, file: file, format: format)
        batch.filesRead += 1
        return batch
    }
}

/// What one worker reading a folder keeps from one run of files to the next: its read buffer.
private struct FolderWorker {
    var buffer: [UInt8] = []
}
