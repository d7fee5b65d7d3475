/// ASCII text written byte by byte into a buffer large enough for it, for numbers and dates
/// that reports print thousands of times: no string is made for each digit group and literal,
/// and no interpolation buffer is grown; the text becomes one string at the end.
///
/// ``string(capacity:_:)`` hands `write` the new string's own storage, sized by the caller
/// for the longest text it writes; writing past it is a programming error. ``withBytes(capacity:_:then:)``
/// writes into a buffer on the stack instead, for text that is appended to a larger one (a
/// line of JUnit's `<system-out>`) and needs no string at all. Whole strings may be written
/// too (``append(string:)``), so the text is valid UTF-8 even when not all ASCII.
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

    /// Hands `body` the bytes `write` writes, at most `capacity` of them, from a buffer on the
    /// stack (for a capacity of up to a kilobyte; a larger one is allocated).
    static func withBytes<Result>(
        capacity: Int, _ write: (inout ASCIIText) -> Void, then body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var text = ASCIIText(buffer)
            write(&text)
            return body(UnsafeBufferPointer(rebasing: buffer[..<text.count]))
        }
    }

    /// Appends the UTF-8 bytes of `string` (a whole string: the text stays valid UTF-8).
    mutating func append(string: String) {
        var string = string
        string.withUTF8 { bytes in
            precondition(bytes.count <= buffer.count - count, "an ASCIIText's capacity holds what is written")
            guard let source = bytes.baseAddress, let target = buffer.baseAddress else { return }
            (target + count).initialize(from: source, count: bytes.count)
            count += bytes.count
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
    ///
    /// The digits are counted first, then written from the last: each is a remainder by ten,
    /// which the compiler turns into a multiplication (dividing by a power of ten that varies,
    /// from the first digit, takes a division instruction for every digit).
    mutating func append(_ value: Int, width: Int = 1) {
        if value < 0 { append(byte: UInt8(ascii: "-")) }
        var rest = value.magnitude
        var digits = 1
        // A `UInt` has at most 20 digits; the bound keeps the power of ten from overflowing.
        var power: UInt = 10
        while digits < 20, rest >= power {
            digits += 1
            power &*= 10
        }
        for _ in digits..<max(digits, width) { append(byte: UInt8(ascii: "0")) }
        precondition(digits <= buffer.count - count, "an ASCIIText's capacity holds what is written")
        count += digits
        var position = count
        repeat {
            position -= 1
            buffer[position] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        } while rest > 0
    }

    /// Appends the two digits of a value from 0 to 99, `07` for 7: what `append(value, width: 2)`
    /// writes for it, without counting digits first (transcript offsets write two of these a line).
    @inline(__always)
    mutating func appendTwoDigits(_ value: Int) {
        precondition((0..<100).contains(value), "two digits hold the value")
        precondition(2 <= buffer.count - count, "an ASCIIText's capacity holds what is written")
        let (tens, ones) = value.quotientAndRemainder(dividingBy: 10)
        buffer[count] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: tens)
        buffer[count + 1] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: ones)
        count += 2
    }

    /// Appends the digit of a value from 0 to 9.
    mutating func appendDigit(_ value: Int) {
        append(byte: UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value))
    }

    /// Appends one ASCII byte: for a single character written often, where looping over a
    /// literal's bytes (``append(_:)``) costs more than the byte.
    @inline(__always)
    mutating func append(byte: UInt8) {
        // Checked in release builds too: an unsafe buffer's subscript is not, and a capacity
        // worked out wrong must stop the program rather than write past the buffer.
        precondition(count < buffer.count, "an ASCIIText's capacity holds what is written")
        buffer[count] = byte
        count += 1
    }
}
