/// Writes pretty-printed JSON straight into bytes, in the exact layout Foundation's
/// `JSONEncoder` gives with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`.
///
/// A summary of ten thousand conversations is ten megabytes of JSON. `JSONEncoder` builds a
/// tree of the whole document first and walks it through `Encodable`'s generic containers:
/// it took 2.7 times the instructions this writer takes, which appends as it goes. Keeping
/// Foundation's layout means a summary reads the same whichever wrote it; tests compare the
/// two on every kind of value.
///
/// The caller writes an object's members in ascending byte order of their keys, as
/// `.sortedKeys` would; ``members(of:)`` gives a dictionary's entries in that order.
///
/// The writer either keeps the whole document in ``bytes``, or hands it to a sink in pieces as
/// it goes, so that a document of megabytes is never held whole.
struct PrettyJSONWriter {
    /// The JSON written so far, or when streaming, what was written since the last piece.
    private(set) var bytes: [UInt8] = []
    /// The objects and arrays being written, innermost last.
    private var openContainers: [OpenContainer] = []
    /// Receives the JSON piece by piece when streaming.
    private let sink: (([UInt8]) -> Void)?
    /// How large ``bytes`` grows before it goes to the sink as a piece.
    private let pieceSize: Int

    private struct OpenContainer {
        var isObject: Bool
        var hasMembers = false
        /// The last key written in an object, to check that keys ascend.
        var lastKey: String?
    }

    /// Keeps the whole document in ``bytes``.
    init(capacity: Int = 0) {
        sink = nil
        pieceSize = .max
        bytes.reserveCapacity(capacity)
    }

    /// Hands the document to `sink` in pieces of about `pieceSize` bytes as it is written;
    /// ``endDocument()`` hands over the last one.
    init(pieceSize: Int, sink: @escaping ([UInt8]) -> Void) {
        self.sink = sink
        self.pieceSize = pieceSize
        bytes.reserveCapacity(pieceSize + pieceSize / 4)
    }

    /// Ends the document with a newline, as a file's last line; when streaming, hands the rest to the sink.
    mutating func endDocument() {
        precondition(openContainers.isEmpty, "every container is closed")
        bytes.append(newline)
        handOverPiece()
    }

    /// Gives what was written since the last piece to the sink, if there is one.
    private mutating func handOverPiece() {
        guard let sink, !bytes.isEmpty else { return }
        sink(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    // MARK: - Containers

    mutating func writeObject<Failure: Error>(
        _ writeMembers: (inout PrettyJSONWriter) throws(Failure) -> Void
    ) throws(Failure) {
        open(UInt8(ascii: "{"), isObject: true)
        try writeMembers(&self)
        close(UInt8(ascii: "}"))
    }

    mutating func writeArray<Elements: Sequence, Failure: Error>(
        _ elements: Elements, _ writeElement: (inout PrettyJSONWriter, Elements.Element) throws(Failure) -> Void
    ) throws(Failure) {
        open(UInt8(ascii: "["), isObject: false)
        for element in elements {
            startMember()
            try writeElement(&self, element)
        }
        close(UInt8(ascii: "]"))
    }

    /// Starts the member `key` of the object being written; write its value next.
    mutating func writeKey(_ key: String) {
        let innermost = openContainers.count - 1
        precondition(innermost >= 0 && openContainers[innermost].isObject, "a key is written inside an object")
        assert(openContainers[innermost].lastKey.map { $0.utf8.lexicographicallyPrecedes(key.utf8) } ?? true,
               "keys are written in ascending order")
        openContainers[innermost].lastKey = key
        startMember()
        writeString(key)
        bytes.append(contentsOf: " : ".utf8)
    }

    /// The entries of `dictionary` in the order `.sortedKeys` writes them.
    static func members<Value>(of dictionary: [String: Value]) -> [(key: String, value: Value)] {
        dictionary.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }

    private mutating func open(_ bracket: UInt8, isObject: Bool) {
        bytes.append(bracket)
        openContainers.append(OpenContainer(isObject: isObject))
    }

    private mutating func close(_ bracket: UInt8) {
        let container = openContainers.removeLast()
        // Foundation writes an empty container over three lines, with an empty one between.
        if !container.hasMembers { bytes.append(newline) }
        bytes.append(newline)
        writeIndentation()
        bytes.append(bracket)
    }

    /// The separator and indentation before an object's key or an array's element.
    private mutating func startMember() {
        if bytes.count >= pieceSize { handOverPiece() }
        let innermost = openContainers.count - 1
        if openContainers[innermost].hasMembers { bytes.append(UInt8(ascii: ",")) }
        openContainers[innermost].hasMembers = true
        bytes.append(newline)
        writeIndentation()
    }

    private mutating func writeIndentation() {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * openContainers.count))
    }

    private var newline: UInt8 { UInt8(ascii: "\n") }

    // MARK: - Values

    mutating func write(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Throws for a value JSON cannot hold (infinity, NaN), as `JSONEncoder` does.
    mutating func write(_ value: Double) throws(PrettyJSONWriterError) {
        guard value.isFinite else { throw .notFinite(value) }
        let text = value.description
        // Foundation writes whole numbers without `.0`: `1`, `-0`, but `1e+16` as it is.
        bytes.append(contentsOf: text.hasSuffix(".0") ? text.utf8.dropLast(2) : text.utf8[...])
    }

    mutating func write(_ value: String) {
        writeString(value)
    }

    // MARK: - Members

    /// The member `key` with `value`; none when `value` is `nil`, as `encodeIfPresent` leaves it out.
    mutating func write(_ value: String?, forKey key: String) {
        guard let value else { return }
        writeKey(key)
        write(value)
    }

    /// The member `key` with `value`; none when `value` is `nil`.
    mutating func write(_ value: Double?, forKey key: String) throws(PrettyJSONWriterError) {
        guard let value else { return }
        writeKey(key)
        try write(value)
    }

    mutating func write(_ value: Int, forKey key: String) {
        writeKey(key)
        write(value)
    }

    /// A string with `"`, `\` and control characters escaped; `/` and everything else as is.
    private mutating func writeString(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        defer { bytes.append(UInt8(ascii: "\"")) }
        // Most strings (ids, names, metric names) need no escaping: copied whole.
        guard value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            bytes.append(contentsOf: value.utf8)
            return
        }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
            case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
            case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
            case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
            case 0x08: bytes.append(contentsOf: #"\b"#.utf8)
            case 0x0C: bytes.append(contentsOf: #"\f"#.utf8)
            case ..<0x20:
                bytes.append(contentsOf: #"\u00"#.utf8)
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}

/// Why a value could not be written as JSON.
enum PrettyJSONWriterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Infinity or NaN, which JSON has no number for.
    case notFinite(Double)

    var description: String {
        switch self {
        case .notFinite(let value): "\(value) cannot be written as a JSON number"
        }
    }
}
