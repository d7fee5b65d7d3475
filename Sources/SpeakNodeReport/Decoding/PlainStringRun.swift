/// Finds where a run of plain characters inside a JSON string ends.
///
/// Nearly every byte of a delivery's strings is printable ASCII that needs no attention:
/// not the closing quote, not a backslash, not a control character, not part of a multi-byte
/// character. Looking at eight bytes at a time, instead of one, is how the scanner gets
/// through those runs quickly; whatever byte ends a run is then handled one at a time.
enum PlainStringRun {
    /// The index of the first byte at or after `start` that is not plain ASCII (see above),
    /// or `bytes.count` when there is none.
    static func end(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count,
                  !mayHoldSpecialByte(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                index += 8
            }
        }
        while index < bytes.count && isPlain(bytes[index]) {
            index += 1
        }
        return index
    }

    /// Whether one byte is plain: printable ASCII other than the quote and the backslash.
    static func isPlain(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte < 0x80 && byte != ASCIIByte.quote && byte != ASCIIByte.backslash
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Whether any of the eight bytes packed in `word` is not plain. Never wrong when it says
    /// `false`, so a run is never cut short of a byte that needs attention.
    ///
    /// The classic bit tricks, per byte lane: `(x - 0x01…) & ~x & 0x80…` is non-zero exactly
    /// when some byte of `x` is zero, and subtracting `0x20…` instead finds a byte below 0x20.
    /// A byte equal to `c` is a zero byte of `word ^ (c * 0x01…)`.
    static func mayHoldSpecialByte(_ word: UInt64) -> Bool {
        let nonASCII = word & highBits
        let control = (word &- ones &* 0x20) & ~word & highBits
        let quotes = word ^ (ones &* UInt64(ASCIIByte.quote))
        let backslashes = word ^ (ones &* UInt64(ASCIIByte.backslash))
        let quote = (quotes &- ones) & ~quotes & highBits
        let backslash = (backslashes &- ones) & ~backslashes & highBits
        return nonASCII | control | quote | backslash != 0
    }
}
