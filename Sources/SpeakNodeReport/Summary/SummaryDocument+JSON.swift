#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension SummaryDocument {
    /// The document as pretty-printed JSON with sorted keys and a final newline: the same
    /// report always gives the same bytes, laid out as `JSONEncoder` would with
    /// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` (see ``PrettyJSONWriter``).
    ///
    /// Throws only for a number that is not finite, which takes input absurd enough to
    /// overflow a sum of durations.
    public func jsonData() throws -> Data {
        Data(try jsonBytes())
    }

    /// ``jsonData()`` as UTF-8 bytes, for writing without a copy.
    public func jsonBytes() throws -> [UInt8] {
        // About 1.4 KB per test is what a test with latency figures takes.
        var writer = PrettyJSONWriter(capacity: 4096 + 1536 * runs.reduce(0) { $0 + $1.tests.count })
        try write(to: &writer)
        writer.endDocument()
        return writer.bytes
    }

    /// Writes ``jsonBytes()`` to `sink` in pieces of about `pieceSize` bytes as they are made,
    /// so that the JSON of ten thousand conversations (ten megabytes) is never held whole.
    /// When it throws, the sink has had only part of the document.
    public func writeJSON(pieceSize: Int = 1 << 16, to sink: ([UInt8]) -> Void) throws {
        try withoutActuallyEscaping(sink) { sink in
            var writer = PrettyJSONWriter(pieceSize: pieceSize, sink: sink)
            try write(to: &writer)
            writer.endDocument()
        }
    }

    /// ``jsonData()`` as text.
    public func jsonString() throws -> String {
        String(decoding: try jsonBytes(), as: UTF8.self)
    }

    /// Reads a document written by ``jsonData()``, e.g. a baseline from an earlier CI run.
    ///
    /// Throws ``SummaryDocumentError/unsupportedSchema(_:)`` for a document of another
    /// format version, and the decoder's error when the data is not a summary document.
    public init(jsonData data: Data) throws {
        struct SchemaOnly: Decodable { var schema: Int }
        let decoder = JSONDecoder()
        let schema = try decoder.decode(SchemaOnly.self, from: data).schema
        guard schema == Self.currentSchema else { throw SummaryDocumentError.unsupportedSchema(schema) }
        self = try decoder.decode(SummaryDocument.self, from: data)
    }
}

/// Why a summary document could not be used.
public enum SummaryDocumentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The document has a `schema` this library does not read.
    case unsupportedSchema(Int)

    public var description: String {
        switch self {
        case .unsupportedSchema(let schema):
            "summary document has schema \(schema); this version reads schema \(SummaryDocument.currentSchema)"
        }
    }
}
