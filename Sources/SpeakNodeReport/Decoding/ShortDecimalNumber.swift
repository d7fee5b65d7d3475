/// Reads the short numbers deliveries are full of (`0.387`, `1.249`, `42`, `-2.5`) in one
/// pass over their digits.
///
/// Every turn carries three to five latencies, so a run reads hundreds of thousands of these.
/// ``JSONScanner/parseNumber()`` follows the whole grammar with exponents and long digit
/// strings in mind; a plain decimal of at most 15 digits needs none of that: its digits make an
/// exact integer, and one division by an exact power of ten gives the correctly rounded value,
/// the very operation `parseNumber` does for it. Anything else (an exponent, a leading zero
/// before a digit, more digits, a missing fraction digit) is left to `parseNumber`, which
/// also reports the errors.
enum ShortDecimalNumber {
    /// The number that starts at `start` and the index just past it, when it is
    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?` with at most 15 digits and followed by no digit, `.`,
    /// `e` or `E`; else `nil`.
    @inline(__always)
    static func value(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (value: Double, end: Int)? {
        var index = start
        let isNegative = index < bytes.count && bytes[index] == ASCIIByte.minus
        if isNegative { index += 1 }
        guard index < bytes.count else { return nil }
        var significand: UInt64 = 0
        var digits = 0
        if bytes[index] == ASCIIByte.zero {
            index += 1
        } else {
            while index < bytes.count, case let digit = bytes[index] &- ASCIIByte.zero, digit < 10 {
                significand = significand &* 10 &+ UInt64(digit)
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
        }
        var fractionDigits = 0
        if index < bytes.count && bytes[index] == ASCIIByte.period {
            index += 1
            while index < bytes.count, case let digit = bytes[index] &- ASCIIByte.zero, digit < 10 {
                significand = significand &* 10 &+ UInt64(digit)
                fractionDigits += 1
                index += 1
            }
            guard fractionDigits > 0 else { return nil }
        }
        guard digits + fractionDigits <= 15 else { return nil }
        if index < bytes.count {
            let next = bytes[index]
            guard !ASCIIByte.isDigit(next), next != ASCIIByte.period, next | 0x20 != UInt8(ascii: "e") else { return nil }
        }
        // Below 10^15, so exact as a double; so is the power of ten.
        let magnitude = Double(significand) / powersOfTen[fractionDigits]
        return (isNegative ? -magnitude : magnitude, index)
    }

    private static let powersOfTen: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]
}
