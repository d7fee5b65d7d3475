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
///
/// Nearly every line of a summary is a key written into the program and a number, so such a
/// line is put together on the stack and appended at once (``write(_:forKey:)-(Int,_)``): the
/// key is copied as it is, without looking for characters to escape, and integers and numbers
/// of at most 6 decimals are written digit by digit, without making a `String`.
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
        /// The last key written in an object, to check that keys ascend; kept only where
        /// assertions are checked (debug builds).
        var lastKey: [UInt8]?
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
        startLine(afterComma: startKey(key.utf8))
        writeString(key)
        // The key's closing quote is written with it.
        Self.keyEnd.withUTF8Buffer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0.dropFirst())) }
    }

    /// Starts the member `key`, a name written into the program (`"counts"`, `"p95"`), which
    /// is copied as it is: such names hold no character JSON escapes.
    mutating func writeKey(_ key: StaticString) {
        writeMember(key, value: UnsafeBufferPointer(start: nil, count: 0))
    }

    /// The member `key` whose value is `value`'s bytes, or starts with them: the comma, newline,
    /// indentation, key and value are put together on the stack and appended at once, since
    /// an append to an array costs more than the few bytes of most members.
    private mutating func writeMember(_ key: StaticString, value: UnsafeBufferPointer<UInt8>) {
        key.withUTF8Buffer { key in
            assert(!key.contains(where: Self.needsEscaping), "a key copied as it is needs no escaping")
            let afterComma = startKey(key)
            let indentation = 2 * openContainers.count
            Self.keyEnd.withUTF8Buffer { keyEnd in
                let count = 2 + indentation + 1 + key.count + keyEnd.count + value.count
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { buffer in
                    var line = StackBytes(buffer)
                    if afterComma { line.append(UInt8(ascii: ",")) }
                    line.append(newline)
                    line.append(UInt8(ascii: " "), count: indentation)
                    line.append(UInt8(ascii: "\""))
                    line.append(key)
                    line.append(keyEnd)
                    line.append(value)
                    bytes.append(contentsOf: line.written)
                }
            }
        }
    }

    /// The closing quote of a key and what goes before its value.
    private static var keyEnd: StaticString { "\" : " }

    /// The entries of `dictionary` in the order `.sortedKeys` writes them.
    static func members<Value>(of dictionary: [String: Value]) -> [(key: String, value: Value)] {
        dictionary.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }

    /// Checks that the innermost container is an object, and where assertions are checked,
    /// that `key` comes after its last key; then starts the member (see ``beginMember()``).
    private mutating func startKey(_ key: some Collection<UInt8>) -> Bool {
        let innermost = openContainers.count - 1
        precondition(innermost >= 0 && openContainers[innermost].isObject, "a key is written inside an object")
        assert(recordKey(key, in: innermost), "keys are written in ascending order")
        return beginMember()
    }

    /// Keeps `key` as the last key of the container at `index` and tells whether it ascends
    /// from the one before; called only from `assert`, so release builds keep no keys.
    private mutating func recordKey(_ key: some Collection<UInt8>, in index: Int) -> Bool {
        let ascends = openContainers[index].lastKey.map { $0.lexicographicallyPrecedes(key) } ?? true
        openContainers[index].lastKey = Array(key)
        return ascends
    }

    private mutating func open(_ bracket: UInt8, isObject: Bool) {
        bytes.append(bracket)
        openContainers.append(OpenContainer(isObject: isObject))
    }

    private mutating func close(_ bracket: UInt8) {
        let container = openContainers.removeLast()
        // Foundation writes an empty container over three lines, with an empty one between.
        if !container.hasMembers { bytes.append(newline) }
        startLine(afterComma: false)
        bytes.append(bracket)
    }

    /// The separator and indentation before an array's element.
    private mutating func startMember() {
        startLine(afterComma: beginMember())
    }

    /// Counts a member of the innermost container, after handing over a piece when one is
    /// due; tells whether a comma goes before it.
    private mutating func beginMember() -> Bool {
        if bytes.count >= pieceSize { handOverPiece() }
        let innermost = openContainers.count - 1
        let afterComma = openContainers[innermost].hasMembers
        openContainers[innermost].hasMembers = true
        return afterComma
    }

    /// A new line indented two spaces a level, after a comma when `afterComma`: all copied at
    /// once from a line of spaces (a summary nests seven levels deep).
    private mutating func startLine(afterComma: Bool) {
        let indentation = 2 * openContainers.count
        Self.commaNewlineSpaces.withUTF8Buffer { line in
            let start = afterComma ? 0 : 1
            if 2 + indentation <= line.count {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: line[start..<(2 + indentation)]))
            } else {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: line[start..<2]))
                bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indentation))
            }
        }
    }

    /// A comma, a newline and the indentation of 16 levels.
    private static var commaNewlineSpaces: StaticString { ",\n                                " }

    private var newline: UInt8 { UInt8(ascii: "\n") }

    // MARK: - Values

    /// Written as `String(value)` writes it.
    mutating func write(_ value: Int) {
        Self.withDigits(of: value) { bytes.append(contentsOf: $0) }
    }

    /// Throws for a value JSON cannot hold (infinity, NaN), as `JSONEncoder` does.
    mutating func write(_ value: Double) throws(PrettyJSONWriterError) {
        guard value.isFinite else { throw .notFinite(value) }
        if let millionths = Self.millionths(in: value) {
            Self.withDigits(ofMillionths: millionths, negative: value < 0) { bytes.append(contentsOf: $0) }
            return
        }
        let text = value.description
        // Foundation writes whole numbers without `.0`: `1`, `-0`, but `1e+16` as it is.
        bytes.append(contentsOf: text.hasSuffix(".0") ? text.utf8.dropLast(2) : text.utf8[...])
    }

    /// The magnitude of `value` in millionths, when `value` has at most 6 decimals (as the
    /// summary rounds seconds and rates to) and `description` writes it in decimal notation,
    /// from 0.0001 (smaller ones are written `1e-05`) to below 2³², where numbers of 6
    /// decimals still are `Double`s of their own.
    ///
    /// Then the shortest digits that read back as `value`, which `description` writes, are
    /// those of the millionths: `value` is the `Double` nearest to them, and no other number
    /// of 6 decimals or fewer is as near. Tests compare the two for every millionth below 0.2 and
    /// random numbers up to 2³²; every millionth up to 20 and 80 million random numbers were
    /// compared when this was written.
    static func millionths(in value: Double) -> UInt64? {
        let magnitude = value.magnitude
        guard magnitude >= 0.0001, magnitude < 4_294_967_296 else { return nil }
        let scaled = (magnitude * 1_000_000).rounded()
        guard scaled / 1_000_000 == magnitude else { return nil }
        return UInt64(scaled)
    }

    /// How `value` is written, for `use`.
    private static func withDigits(of value: Int, _ use: (UnsafeBufferPointer<UInt8>) -> Void) {
        withNumber(negative: value < 0, { digits in digits.write(UInt64(value.magnitude)) }, use)
    }

    /// How a number of `millionths` (see ``millionths(in:)``) is written, for `use`.
    private static func withDigits(ofMillionths millionths: UInt64, negative: Bool, _ use: (UnsafeBufferPointer<UInt8>) -> Void) {
        withNumber(negative: negative, { digits in digits.writeDecimal(millionths: millionths) }, use)
    }

    /// A number that `writeDigits` puts together from the right on the stack, for `use`.
    private static func withNumber(
        negative: Bool, _ writeDigits: (inout DigitsFromTheRight) -> Void, _ use: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        // 20 digits of a `UInt64`, a sign and a point.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 22) { buffer in
            var digits = DigitsFromTheRight(buffer: buffer)
            writeDigits(&digits)
            if negative { digits.prepend(UInt8(ascii: "-")) }
            use(UnsafeBufferPointer(rebasing: buffer[digits.start...]))
        }
    }

    /// Decimal digits written from the last one to the first into a buffer's end.
    private struct DigitsFromTheRight {
        let buffer: UnsafeMutableBufferPointer<UInt8>
        /// Where the digits written so far start.
        private(set) var start: Int

        init(buffer: UnsafeMutableBufferPointer<UInt8>) {
            self.buffer = buffer
            start = buffer.count
        }

        mutating func prepend(_ byte: UInt8) {
            start -= 1
            buffer[start] = byte
        }

        /// The digits of `value`, with leading zeros up to `width` digits.
        mutating func write(_ value: UInt64, width: Int = 1) {
            let end = start
            var rest = value
            repeat {
                prepend(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10))
                rest /= 10
            } while rest != 0 || end - start < width
        }

        /// `millionths` as a decimal number: no point for a whole number, else no trailing zeros.
        mutating func writeDecimal(millionths: UInt64) {
            var fraction = millionths % 1_000_000
            if fraction != 0 {
                var places = 6
                while fraction % 10 == 0 {
                    fraction /= 10
                    places -= 1
                }
                write(fraction, width: places)
                prepend(UInt8(ascii: "."))
            }
            write(millionths / 1_000_000)
        }
    }

    mutating func write(_ value: String) {
        writeString(value)
    }

    // MARK: - Members

    /// The member `key` with `value`; none when `value` is `nil`, as `encodeIfPresent` leaves it out.
    mutating func write(_ value: String?, forKey key: StaticString) {
        guard let value else { return }
        writeKey(key)
        write(value)
    }

    /// The member `key` with `value`; none when `value` is `nil`.
    mutating func write(_ value: Double?, forKey key: StaticString) throws(PrettyJSONWriterError) {
        guard let value else { return }
        if value.isFinite, let millionths = Self.millionths(in: value) {
            Self.withDigits(ofMillionths: millionths, negative: value < 0) { writeMember(key, value: $0) }
            return
        }
        writeKey(key)
        try write(value)
    }

    mutating func write(_ value: Int, forKey key: StaticString) {
        Self.withDigits(of: value) { writeMember(key, value: $0) }
    }

    /// A string with `"`, `\` and control characters escaped; `/` and everything else as is.
    private mutating func writeString(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        // A native string lends its bytes at once; any other is copied first.
        if value.utf8.withContiguousStorageIfAvailable({ writeEscaped($0) }) == nil {
            Array(value.utf8).withUnsafeBufferPointer { writeEscaped($0) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func writeEscaped(_ text: UnsafeBufferPointer<UInt8>) {
        // Most strings (ids, names, metric names) need no escaping: copied whole.
        guard text.contains(where: Self.needsEscaping) else {
            bytes.append(contentsOf: text)
            return
        }
        for byte in text {
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

    /// Whether JSON escapes `byte` in a string: `"`, `\` and control characters.
    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}

/// Bytes put together in a buffer, e.g. on the stack, before they are appended at once.
private struct StackBytes {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    /// What was put together.
    var written: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: buffer[..<count]) }

    mutating func append(_ byte: UInt8) {
        precondition(count < buffer.count, "the buffer holds what is put together")
        buffer[count] = byte
        count += 1
    }

    mutating func append(_ byte: UInt8, count repeats: Int) {
        precondition(repeats <= buffer.count - count, "the buffer holds what is put together")
        UnsafeMutableBufferPointer(rebasing: buffer[count..<(count + repeats)]).initialize(repeating: byte)
        count += repeats
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        precondition(bytes.count <= buffer.count - count, "the buffer holds what is put together")
        guard let source = bytes.baseAddress, let destination = buffer.baseAddress else { return }
        (destination + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }
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
