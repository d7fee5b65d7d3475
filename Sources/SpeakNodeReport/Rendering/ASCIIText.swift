/// ASCII text written byte by byte into a buffer large enough for it, for numbers and dates
/// that reports print thousands of times: no string is made for each digit group and literal,
/// and no interpolation buffer is grown; the text becomes one string at the end.
///
/// ``string(capacity:_:)`` hands `write` the new string's own storage, sized by the caller
/// for the longest text it writes; writing past it is a programming error.
struct ASCIIText {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var count = 0

    private init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    /// The most bytes a string holds inline: asked for no more capacity than this, ``string(capacity:_:)``
    /// allocates nothing (a larger capacity allocates storage, even for a shorter text).
    static let inlineCapacity = 15

    /// The text `write` writes, of at most `capacity` bytes.
    static func string(capacity: Int, _ write: (inout ASCIIText) -> Void) -> String {
        String(unsafeUninitializedCapacity: capacity) { buffer in
            var text = ASCIIText(buffer)
            write(&text)
            return text.count
        }
    }

    /// Appends ASCII `literal`.
    mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes in
            for byte in bytes { append(byte: byte) }
        }
    }

    /// Appends the decimal digits of `value`, at least `width` of them (zeros first), after a
    /// `-` when it is negative: `append(7, width: 2)` writes `07`.
    mutating func append(_ value: Int, width: Int = 1) {
        if value < 0 { append(byte: UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        var divisor: UInt = 1
        var digits = 1
        while divisor <= magnitude / 10 {
            divisor *= 10
            digits += 1
        }
        for _ in digits..<max(digits, width) { append(byte: UInt8(ascii: "0")) }
        var rest = magnitude
        while divisor > 0 {
            append(byte: UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// Appends the digit of a value from 0 to 9.
    mutating func appendDigit(_ value: Int) {
        append(byte: UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value))
    }

    private mutating func append(byte: UInt8) {
        buffer[count] = byte
        count += 1
    }
}
