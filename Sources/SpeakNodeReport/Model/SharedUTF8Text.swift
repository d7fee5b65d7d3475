#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A text kept as a range of UTF-8 bytes in a buffer that many texts share.
///
/// A transcript's spoken messages are most of the decoded model, and a large run keeps
/// hundreds of thousands of them in memory until its reports are written. Each as a `String`
/// of its own cost a heap allocation with a 32-byte header, a terminating zero and malloc's
/// rounding on top of the text: about a third more than the text itself. The decoder instead
/// writes a conversation's texts one after another into one buffer (see
/// ``TranscriptTextStore``) and each message keeps this: the buffer, where its text starts and
/// how long it is, 16 bytes like the `String?` it replaces.
///
/// The buffer is an array nobody changes once texts point into it, so a text is a value and
/// `Sendable`; the buffer lives as long as one text in it does. The bytes are valid UTF-8,
/// which every initializer ensures, so a `String` is made from them without checking them again.
struct SharedUTF8Text: Sendable {
    private let buffer: [UInt8]
    private let start: UInt32
    /// The length in bytes in the low 31 bits; the top bit says every byte is below 0x80.
    private let countAndASCII: UInt32

    private static let asciiBit: UInt32 = 1 << 31

    /// The longest text one can hold: longer ones are kept as a `String` (an item keeps its
    /// content out of line then), so the count and the ASCII bit fit in 32 bits.
    static let maximumCount = Int(asciiBit - 1)

    /// The text at `range` of `buffer`, or `nil` when the range is too far into the buffer or
    /// too long to be stored in 32 bits.
    ///
    /// The bytes at `range` must be valid UTF-8, all below 0x80 when `isASCII` is true; the
    /// decoder only passes bytes its scanner has checked.
    init?(in buffer: [UInt8], range: Range<Int>, isASCII: Bool) {
        guard range.upperBound <= buffer.count, let start = UInt32(exactly: range.lowerBound),
              range.count <= Self.maximumCount
        else { return nil }
        self.buffer = buffer
        self.start = start
        countAndASCII = UInt32(range.count) | (isASCII ? Self.asciiBit : 0)
    }

    /// The text of a string, in a buffer of its own; `nil` when it is too long.
    init?(_ string: String) {
        let bytes = Array(string.utf8)
        self.init(in: bytes, range: bytes.indices, isASCII: ASCIIBytes.isASCII(bytes))
    }

    /// The length in UTF-8 bytes.
    var count: Int { Int(countAndASCII & ~Self.asciiBit) }

    /// Whether every byte is below 0x80.
    var isASCII: Bool { countAndASCII & Self.asciiBit != 0 }

    /// Lends the text's bytes, where they are stored.
    func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try buffer.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[Int(start)..<Int(start) + count]))
        }
    }

    /// The text as a `String`: a copy of the bytes (none for text of up to 15 bytes, which a
    /// `String` keeps inline).
    var string: String {
        withUTF8 { String(alreadyValidatedUTF8: $0, isASCII: isASCII) }
    }

    /// Whether both hold the same bytes, wherever they are stored.
    func hasSameBytes(as other: SharedUTF8Text) -> Bool {
        guard countAndASCII == other.countAndASCII else { return false }
        return withUTF8 { mine in other.withUTF8 { theirs in SameBytes.check(mine, theirs) } }
    }
}
