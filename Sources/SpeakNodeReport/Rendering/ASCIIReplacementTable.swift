/// The byte-level engine behind the XML and HTML escapers: each ASCII character is kept,
/// removed or replaced by fixed text; the non-characters U+FFFE and U+FFFF and the explicit
/// directional formatting characters (see ``DirectionalFormatting``) are removed.
///
/// Escaping runs over every interpolated value of a report, transcripts included (a JUnit
/// report of 12,000 conversations escapes over 100 MB), so it works on UTF-8 bytes rather than
/// Unicode scalars. The template engine renders into bytes, and ``append(_:to:)`` writes the
/// escaped text straight into them, each run of unchanged bytes copied at once (text that needs
/// no change in one copy) and short pieces gathered on the stack before they are appended.
/// ``apply(to:)``, for a `String`, returns text that needs no change as it is; other text is
/// measured first and then written once into a string of exactly that size.
struct ASCIIReplacementTable: Sendable {
    /// What happens to each of the 256 byte values (see ``ByteAction``).
    private let actions: [UInt8]
    /// All replacement texts, one after the other; ``replacementRanges`` says where each is.
    private let replacementBytes: [UInt8]
    private let replacementRanges: [Range<Int>]

    /// - Parameters:
    ///   - replacements: ASCII characters and the text each becomes.
    ///   - removed: ASCII characters that are dropped.
    init(replacements: [Unicode.Scalar: String], removed: [ClosedRange<UInt8>]) {
        var actions = [UInt8](repeating: ByteAction.keep, count: 256)
        for range in removed {
            for byte in range where byte < 0x80 { actions[Int(byte)] = ByteAction.remove }
        }
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        for (scalar, text) in replacements.sorted(by: { $0.key.value < $1.key.value }) where scalar.isASCII {
            actions[Int(scalar.value)] = ByteAction.firstReplacement + UInt8(ranges.count)
            ranges.append(bytes.count..<bytes.count + text.utf8.count)
            bytes += text.utf8
        }
        // The lead bytes of the removed three-byte characters (see `Changes.isRemovedSequence`).
        actions[0xE2] = ByteAction.maybeRemovedSequence
        actions[0xEF] = ByteAction.maybeRemovedSequence
        self.actions = actions
        self.replacementBytes = bytes
        self.replacementRanges = ranges
    }

    /// Appends the UTF-8 bytes of `text`, changed by the table, to `output`.
    func append(_ text: String, to output: inout [UInt8]) {
        withChanges(in: text) { changes in changes.append(to: &output) }
    }

    /// Appends `utf8` (the UTF-8 bytes of a text: whole characters), changed by the table, to `output`.
    func append(utf8: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        withChanges(inUTF8: utf8) { changes in changes.append(to: &output) }
    }

    /// `text` changed by the table; `text` itself when nothing changes.
    func apply(to text: String) -> String {
        withChanges(in: text) { changes in
            guard let count = changes.outputCount() else { return text }
            return String(unsafeUninitializedCapacity: count) { output in changes.write(into: output) }
        }
    }

    /// Calls `body` with the changes the table makes to `text`, its bytes and the table's
    /// arrays borrowed for the call.
    private func withChanges<Result>(in text: String, _ body: (Changes) -> Result) -> Result {
        var bytesOfText = text
        return bytesOfText.withUTF8 { bytes in withChanges(inUTF8: bytes, body) }
    }

    /// Calls `body` with the changes the table makes to the text of `bytes`.
    @inline(__always)
    private func withChanges<Result>(inUTF8 bytes: UnsafeBufferPointer<UInt8>, _ body: (Changes) -> Result) -> Result {
        actions.withUnsafeBufferPointer { actions in
            replacementBytes.withUnsafeBufferPointer { replacementBytes in
                replacementRanges.withUnsafeBufferPointer { replacementRanges in
                    body(Changes(
                        bytes: bytes, actions: actions, replacementBytes: replacementBytes,
                        replacementRanges: replacementRanges))
                }
            }
        }
    }
}

/// What the table does with a byte value.
private enum ByteAction {
    /// Zero, so that or-ing the actions of several bytes tells whether all of them are kept.
    static let keep: UInt8 = 0
    static let remove: UInt8 = 1
    /// The lead byte of a removed three-byte character, kept when the next bytes do not complete one.
    static let maybeRemovedSequence: UInt8 = 2
    /// `firstReplacement + n` replaces the byte by the table's n-th replacement text.
    static let firstReplacement: UInt8 = 3
}

/// The changes a table makes to one text's UTF-8 bytes, found by one forward scan: each is a
/// range of bytes removed or replaced, and the bytes put in their place (none when removed).
/// Every changed range is an ASCII byte or a whole three-byte character, so the unchanged
/// runs between them are whole characters and the result is valid UTF-8.
private struct Changes {
    let bytes: UnsafeBufferPointer<UInt8>
    let actions: UnsafeBufferPointer<UInt8>
    let replacementBytes: UnsafeBufferPointer<UInt8>
    let replacementRanges: UnsafeBufferPointer<Range<Int>>

    /// Calls `body` with each changed range of bytes and the bytes that replace it, in order.
    @inline(__always)
    func forEach(_ body: (_ changed: Range<Int>, _ replacement: Range<Int>) -> Void) {
        let removed = 0..<0
        var index = 0
        while index < bytes.count {
            // Most text needs no change: eight bytes are looked up at a time while none does.
            while index + 8 <= bytes.count, keepsEight(at: index) { index += 8 }
            // One of the next eight bytes (or of the last few) is not simply kept: they are looked
            // at one by one before eight are looked up at once again, which would otherwise look
            // up the same bytes again for each byte before it.
            let end = min(index + 8, bytes.count)
            while index < end {
                let action = actions[Int(bytes[index])]
                if action == ByteAction.keep {
                    index += 1
                } else if action == ByteAction.maybeRemovedSequence {
                    if isRemovedSequence(at: index) {
                        body(index..<index + 3, removed)
                        index += 3
                    } else {
                        index += 1
                    }
                } else {
                    body(index..<index + 1, action == ByteAction.remove ? removed : replacementRanges[Int(action - ByteAction.firstReplacement)])
                    index += 1
                }
            }
        }
    }

    /// The length in bytes of the changed text, or `nil` when nothing changes.
    func outputCount() -> Int? {
        var count = bytes.count
        var changed = false
        forEach { range, replacement in
            count += replacement.count - range.count
            changed = true
        }
        return changed ? count : nil
    }

    /// Writes the changed text into `output`, which holds ``outputCount()`` bytes; returns that count.
    func write(into output: UnsafeMutableBufferPointer<UInt8>) -> Int {
        // Both are `nil` only when empty: all the text removed, or no text.
        guard let target = output.baseAddress, let source = bytes.baseAddress else { return 0 }
        var written = 0
        func copy(_ start: UnsafePointer<UInt8>, _ count: Int) {
            (target + written).update(from: start, count: count)
            written += count
        }
        var unchangedStart = 0
        forEach { range, replacement in
            copy(source + unchangedStart, range.lowerBound - unchangedStart)
            if let replacementSource = replacementBytes.baseAddress {
                copy(replacementSource + replacement.lowerBound, replacement.count)
            }
            unchangedStart = range.upperBound
        }
        copy(source + unchangedStart, bytes.count - unchangedStart)
        return written
    }

    /// Appends the changed text to `output`: the unchanged runs and the replacements in turn.
    ///
    /// An append to an array costs about a hundred instructions however few its bytes (it checks
    /// that the array is uniquely referenced and has room, then copies), and a transcript's
    /// apostrophes and quotes cut it into short runs, each followed by a replacement of a few
    /// bytes. So they are gathered in a buffer on the stack (see ``StagedBytes``) and appended
    /// to `output` a kilobyte at a time; text that needs no change is still appended at once.
    func append(to output: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: StagedBytes.capacity) { buffer in
            var staged = StagedBytes(buffer)
            var unchangedStart = 0
            forEach { range, replacement in
                staged.append(UnsafeBufferPointer(rebasing: bytes[unchangedStart..<range.lowerBound]), to: &output)
                staged.append(UnsafeBufferPointer(rebasing: replacementBytes[replacement]), to: &output)
                unchangedStart = range.upperBound
            }
            // Text that needs no change is appended as it is, not copied into the buffer first.
            guard unchangedStart > 0 else { return output.append(contentsOf: bytes) }
            staged.append(UnsafeBufferPointer(rebasing: bytes[unchangedStart...]), to: &output)
            staged.flush(to: &output)
        }
    }

    /// Whether the table keeps each of the eight bytes from `index` (which must all be in `bytes`)
    /// as it is: their actions, ``ByteAction/keep`` being zero, or-ed together are zero.
    @inline(__always)
    private func keepsEight(at index: Int) -> Bool {
        var combined: UInt8 = 0
        for offset in 0..<8 { combined |= actions[Int(bytes[index + offset])] }
        return combined == ByteAction.keep
    }

    /// Whether a removed three-byte character starts at `index`: U+FFFE or U+FFFF (`EF BF BE`,
    /// `EF BF BF`), U+202A–U+202E (`E2 80 AA`–`E2 80 AE`) or U+2066–U+2069 (`E2 81 A6`–`E2 81 A9`).
    @inline(__always)
    private func isRemovedSequence(at index: Int) -> Bool {
        guard index + 2 < bytes.count else { return false }
        let lead = bytes[index], second = bytes[index + 1], third = bytes[index + 2]
        if lead == 0xEF { return second == 0xBF && (third == 0xBE || third == 0xBF) }
        return lead == 0xE2
            && ((second == 0x80 && (0xAA...0xAE).contains(third)) || (second == 0x81 && (0xA6...0xA9).contains(third)))
    }
}

/// Bytes on their way to an output array, gathered in a small buffer (on the stack) so that
/// many short pieces cost one append to the array rather than one each.
///
/// Pieces stay in order: a piece that does not fit in the room left first sends what is
/// gathered, and a piece as long as the buffer is appended straight after it, copied once.
private struct StagedBytes {
    /// The buffer's size: a kilobyte, which `withUnsafeTemporaryAllocation` always places on the
    /// stack, and enough to make the cost of each append to the array small beside the copying.
    static let capacity = 1024

    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var count = 0

    /// Gathers in `buffer` (of ``capacity`` bytes, uninitialized).
    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    /// Adds `piece` after the bytes given so far; appends to `output` what no longer fits.
    @inline(__always)
    mutating func append(_ piece: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        guard let source = piece.baseAddress, let target = buffer.baseAddress else { return }
        if piece.count > buffer.count - count {
            flush(to: &output)
            if piece.count >= buffer.count {
                output.append(contentsOf: piece)
                return
            }
        }
        (target + count).initialize(from: source, count: piece.count)
        count += piece.count
    }

    /// Appends the gathered bytes to `output` and empties the buffer.
    mutating func flush(to output: inout [UInt8]) {
        guard count > 0 else { return }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<count]))
        count = 0
    }
}
