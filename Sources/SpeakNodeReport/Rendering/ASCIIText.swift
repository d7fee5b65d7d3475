/// ASCII text written byte by byte into a buffer large enough for it, for numbers and dates
/// that reports print thousands of times: no string is made for each digit group and literal,
/// and no interpolation buffer is grown; the text becomes one string at the end.
///
/// The caller sizes the buffer for the longest text it writes (typically with
/// `withUnsafeTemporaryAllocation`); writing past it is a programming error.
struct ASCIIText {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    /// The text written so far.
    var string: String {
        String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
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
