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
            while index + 8 <= bytes.count {
                // Byte `index + i` in lane i (bits 8i..<8i+8), whatever the machine's byte order.
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let special = specialBytes(in: word)
                if special != 0 { return index + special.trailingZeroBitCount / 8 }
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

    /// The high bit of a lane set for bytes of `word` that are not plain; 0 when all eight are.
    ///
    /// The classic bit tricks, per lane: `(x - 0x01…) & ~x & 0x80…` flags the zero bytes of
    /// `x`, subtracting `0x20…` instead flags bytes below 0x20, and a byte equal to `c` is a
    /// zero byte of `word ^ (c * 0x01…)`. A subtraction's borrow only travels to higher lanes,
    /// so a lane above a special byte may be flagged wrongly, but never one below it: the
    /// lowest flagged lane is exactly the first byte that is not plain.
    static func specialBytes(in word: UInt64) -> UInt64 {
        let nonASCII = word & highBits
        let control = (word &- ones &* 0x20) & ~word & highBits
        let quotes = word ^ (ones &* UInt64(ASCIIByte.quote))
        let backslashes = word ^ (ones &* UInt64(ASCIIByte.backslash))
        let quote = (quotes &- ones) & ~quotes & highBits
        let backslash = (backslashes &- ones) & ~backslashes & highBits
        return nonASCII | control | quote | backslash
    }
}
