#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Decodes the bytes of one input (a file or standard input) into deliveries and problems.
///
/// Pure and `Sendable`: it touches no file system, so inputs can be decoded in parallel.
/// Each delivery is decoded on its own, so one bad array element or NDJSON line costs only
/// itself. Large NDJSON inputs are split into chunks decoded concurrently; the result keeps
/// the order of the lines.
public struct DeliveryContentsDecoder: Sendable {
    public var parser: JSONParser
    public var decoder: DeliveryDecoder
    /// NDJSON inputs and top-level arrays larger than this many bytes are decoded on several threads.
    public var concurrencyThreshold: Int
    /// Whether well-formed deliveries are read straight from the bytes (``DirectDeliveryDecoder``)
    /// rather than through a `JSONValue` tree. Both give the same result; tests compare them.
    var usesDirectDecoding = true

    public init(parser: JSONParser = JSONParser(), decoder: DeliveryDecoder = DeliveryDecoder(),
                concurrencyThreshold: Int = 4 << 20) {
        self.parser = parser
        self.decoder = decoder
        self.concurrencyThreshold = concurrencyThreshold
    }

    /// The deliveries in `bytes` and the problems met, each located in `file` (`-` for stdin).
    /// The returned batch counts no files read; that is the reader's business.
    ///
    /// An input large enough to hold many deliveries shares the strings they repeat; in a
    /// small one (a delivery or a few) there is too little to share to pay for looking.
    public func decode(_ bytes: [UInt8], file: String, format: InputFormat) -> InputBatch {
        var batch = InputBatch()
        let repeated = bytes.count >= Self.sharingThreshold ? RepeatedStrings() : nil
        bytes.withUnsafeBufferPointer { decode($0, file: file, format: format, sharing: repeated, into: &batch) }
        return batch
    }

    /// The size from which one input's deliveries share their repeated strings: a few dozen
    /// deliveries of the usual size.
    static let sharingThreshold = 1 << 20

    /// Adds the deliveries in `bytes` and the problems met to `batch`, after what it holds.
    ///
    /// - Parameter repeated: shares strings with the deliveries decoded before, when the same
    ///   worker decodes file after file; `nil` gives every delivery strings of its own.
    func decode(_ bytes: UnsafeBufferPointer<UInt8>, file: String, format: InputFormat,
                sharing repeated: RepeatedStrings?, into batch: inout InputBatch) {
        let whole = SourceLocation(file: file)
        if let problem = JSONScanner.encodingProblem(in: bytes) {
            batch.problems.append(InputProblem(source: whole, reason: problem.message))
            return
        }
        let textStart = JSONScanner.byteOrderMarkLength(of: bytes)
        guard let first = firstSignificantByte(in: bytes, from: textStart) else {
            let reason = file == "-" ? "empty input" : "empty file"
            batch.problems.append(InputProblem(source: whole, reason: reason))
            return
        }
        if let reason = notJSONReason(startingWith: first, in: bytes) {
            batch.problems.append(InputProblem(source: whole, reason: reason))
            return
        }
        let resolved = format == .detected ? detectFormat(of: bytes, from: textStart) : format
        switch resolved {
        case .ndjson:
            batch.append(contentsOf: decodeLines(UnsafeBufferPointer(rebasing: bytes[textStart...]), file: file,
                                                 sharing: repeated))
        case .json, .detected:
            decodeDocument(bytes, file: file, sharing: repeated, into: &batch)
        }
    }

    // MARK: One JSON document

    private func decodeDocument(_ bytes: UnsafeBufferPointer<UInt8>, file: String, sharing repeated: RepeatedStrings?,
                                into batch: inout InputBatch) {
        if usesDirectDecoding {
            if bytes.count > concurrencyThreshold,
               let deliveries = DirectDeliveryDecoder.deliveries(inLargeArray: bytes, file: file, maximumDepth: parser.maximumDepth) {
                batch.deliveries.append(contentsOf: deliveries)
                return
            }
            if DirectDeliveryDecoder.appendDeliveries(inDocument: bytes, file: file, maximumDepth: parser.maximumDepth,
                                                      sharing: repeated, to: &batch.deliveries) {
                return
            }
        }
        let document: JSONDocument
        do {
            document = try parser.parseDocument(bytes)
        } catch {
            batch.problems.append(
                InputProblem(source: SourceLocation(file: file), reason: error.describe(showingLine: true)))
            return
        }
        switch document {
        case .single(let value):
            batch.add(decoding: value, at: SourceLocation(file: file), with: decoder)
        case .array(let elements):
            batch.deliveries.reserveCapacity(elements.count)
            for (index, element) in elements.enumerated() {
                let source = SourceLocation(file: file, line: element.line, index: index)
                switch element.content {
                case .success(let value):
                    batch.add(decoding: value, at: source, with: decoder)
                case .failure(let error):
                    batch.problems.append(InputProblem(source: source, reason: error.describe(showingLine: true)))
                }
            }
        }
    }

    // MARK: NDJSON

    private func decodeLines(_ bytes: UnsafeBufferPointer<UInt8>, file: String, sharing repeated: RepeatedStrings?) -> InputBatch {
        let lines = lineRanges(in: bytes)
        let chunkCount = bytes.count > concurrencyThreshold
            ? min(lines.count, max(1, ProcessInfo.processInfo.activeProcessorCount) * 4)
            : 1
        guard chunkCount > 1 else {
            return decodeLines(lines[...], of: bytes, file: file, sharing: repeated)
        }
        let chunkSize = (lines.count + chunkCount - 1) / chunkCount
        let chunks = stride(from: 0, to: lines.count, by: chunkSize).map { $0..<min($0 + chunkSize, lines.count) }
        // Only read, and valid throughout: `concurrentMap` returns when every chunk is done.
        nonisolated(unsafe) let sharedBytes = bytes
        var batch = InputBatch()
        // Each chunk shares strings within itself: a table serves one thread.
        let chunkBatches = chunks.concurrentMap { decodeLines(lines[$0], of: sharedBytes, file: file, sharing: RepeatedStrings()) }
        for chunkBatch in chunkBatches {
            batch.append(contentsOf: chunkBatch)
        }
        return batch
    }

    private func decodeLines(_ lines: ArraySlice<Range<Int>>, of bytes: UnsafeBufferPointer<UInt8>,
                             file: String, sharing repeated: RepeatedStrings?) -> InputBatch {
        var batch = InputBatch()
        for (offset, range) in zip(lines.indices, lines) {
            let line = UnsafeBufferPointer(rebasing: bytes[range])
            guard line.contains(where: { !ASCIIByte.isWhitespace($0) }) else { continue }
            let source = SourceLocation(file: file, line: offset + 1)
            if usesDirectDecoding,
               let delivery = DirectDeliveryDecoder.delivery(in: line, source: source, maximumDepth: parser.maximumDepth,
                                                             sharing: repeated) {
                batch.deliveries.append(delivery)
                continue
            }
            do {
                let value = try parser.parse(line)
                batch.add(decoding: value, at: source, with: decoder)
            } catch {
                batch.problems.append(InputProblem(source: source, reason: error.describe(showingLine: false)))
            }
        }
        return batch
    }

    /// The byte ranges of the lines, without their line feeds; a final line feed ends the last line.
    private func lineRanges(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for index in 0..<bytes.count where bytes[index] == ASCIIByte.newline {
            ranges.append(start..<index)
            start = index + 1
        }
        if start < bytes.count { ranges.append(start..<bytes.count) }
        return ranges
    }

    // MARK: Sniffing

    private func firstSignificantByte(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt8? {
        var index = start
        while index < bytes.count && ASCIIByte.isWhitespace(bytes[index]) { index += 1 }
        return index < bytes.count ? bytes[index] : nil
    }

    /// Why input starting with `byte` cannot be JSON (an HTML error page, a binary file), if it cannot.
    private func notJSONReason(startingWith byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        switch byte {
        case ASCIIByte.openBrace, ASCIIByte.openBracket, ASCIIByte.quote, ASCIIByte.minus, ASCIIByte.zero...ASCIIByte.nine,
             UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            return nil
        default:
            return "not JSON: starts with \(ASCIIByte.describe(byte))"
        }
    }

    /// NDJSON when the first line is a whole object (`{…}`) and more follows; else one document.
    private func detectFormat(of bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> InputFormat {
        var index = start
        while index < bytes.count && ASCIIByte.isWhitespace(bytes[index]) { index += 1 }
        guard index < bytes.count, bytes[index] == ASCIIByte.openBrace else { return .json }
        var lineEnd = index
        while lineEnd < bytes.count && bytes[lineEnd] != ASCIIByte.newline { lineEnd += 1 }
        var last = lineEnd
        while last > index && ASCIIByte.isWhitespace(bytes[last - 1]) { last -= 1 }
        guard bytes[last - 1] == ASCIIByte.closeBrace else { return .json }
        let hasMore = bytes[lineEnd...].contains { !ASCIIByte.isWhitespace($0) }
        return hasMore ? .ndjson : .json
    }
}

extension InputBatch {
    /// Decodes one delivery, adding it, or the reason it is invalid, to the batch.
    mutating func add(decoding value: JSONValue, at source: SourceLocation, with decoder: DeliveryDecoder) {
        do {
            deliveries.append(try decoder.decode(value, source: source))
        } catch {
            problems.append(InputProblem(source: source, reason: error.description))
        }
    }
}
