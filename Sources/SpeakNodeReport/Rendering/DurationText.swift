#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Durations and rates as the reports print them, formatted the same way on every machine.
enum DurationText {
    /// A duration for people: `0.4s`, `12.3s`, `1m 02s`, `1h 02m 03s`.
    static func readable(_ seconds: Double) -> String {
        let seconds = sanitized(seconds)
        if seconds < 60 {
            return formatted(seconds, decimals: 1) + "s"
        }
        let whole = Int(seconds.rounded())
        let (hours, minutes, rest) = (whole / 3600, whole / 60 % 60, whole % 60)
        if hours > 0 {
            return "\(hours)h \(twoDigits(minutes))m \(twoDigits(rest))s"
        }
        return "\(minutes)m \(twoDigits(rest))s"
    }

    /// Seconds with three decimals, as JUnit's `time` attribute expects: `62.000`.
    static func seconds(_ seconds: Double) -> String {
        formatted(sanitized(seconds), decimals: 3)
    }

    /// A transcript offset: `00:12.3`, `61:02.0`.
    ///
    /// Every transcript line and slow turn has one; below 100 minutes (nearly always) its seven
    /// characters fit in a string without allocating, if no more room is asked for.
    static func offset(_ seconds: Double) -> String {
        let capacity = sanitized(seconds) < 6000 ? ASCIIText.inlineCapacity : maximumBracketedOffsetLength
        return ASCIIText.string(capacity: capacity) { writeOffset(seconds, into: &$0) }
    }

    /// The most bytes ``writeBracketedOffset(_:into:)`` writes: the minutes of the longest
    /// offset an `Int` of tenths holds take 16 digits.
    static let maximumBracketedOffsetLength = 32

    /// Writes a transcript offset as plain-text lines start with it, `[00:12.3] ` (``offset(_:)``
    /// in brackets, and a space), into `text`, which has room for ``maximumBracketedOffsetLength``
    /// more bytes: for lines written into bytes, with no string made of the offset.
    static func writeBracketedOffset(_ seconds: Double, into text: inout ASCIIText) {
        text.append(byte: UInt8(ascii: "["))
        writeOffset(seconds, into: &text)
        text.append(byte: UInt8(ascii: "]"))
        text.append(byte: UInt8(ascii: " "))
    }

    /// Writes ``offset(_:)``'s text: minutes and seconds of two digits at least, and tenths.
    ///
    /// Every transcript line is written with one (hundreds of thousands in a large report):
    /// below 100 minutes, nearly always, each field has a fixed number of digits, written
    /// directly rather than counted by the general number writer.
    private static func writeOffset(_ seconds: Double, into text: inout ASCIIText) {
        let tenths = Int((sanitized(seconds) * 10).rounded())
        let (minutes, rest) = tenths.quotientAndRemainder(dividingBy: 600)
        let (wholeSeconds, tenth) = rest.quotientAndRemainder(dividingBy: 10)
        if minutes < 100 {
            text.appendTwoDigits(minutes)
        } else {
            text.append(minutes, width: 2)
        }
        text.append(byte: UInt8(ascii: ":"))
        text.appendTwoDigits(wholeSeconds)
        text.append(byte: UInt8(ascii: "."))
        text.appendDigit(tenth)
    }

    /// A share of a whole as a percentage with at most one decimal: `87.5%`, `100%`;
    /// `nil` when the whole is zero.
    static func percentage(_ part: Int, of whole: Int) -> String? {
        guard whole > 0 else { return nil }
        let tenths = (Double(part) * 1000 / Double(whole)).rounded()
        if tenths.truncatingRemainder(dividingBy: 10) == 0 {
            return "\(Int(tenths / 10))%"
        }
        return formatted(tenths / 10, decimals: 1) + "%"
    }

    /// `value` with a fixed number of decimals, exactly as `String(format: "%.Nf", locale:
    /// en_US_POSIX, value)` writes it, at a small fraction of the cost (that call sets up an ICU
    /// number formatter each time, and a report formats durations for every attempt).
    ///
    /// Like ICU, it rounds the shortest decimal that reads back as `value` (Swift's
    /// `description`), half to even: `0.15` gives `0.2` and `0.25` gives `0.2`. A negative value
    /// is its magnitude's text after a `-`; one that is not finite, which the reports never
    /// format, is Swift's `inf` or `nan`.
    static func formatted(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.description }
        guard value.sign == .plus else { return "-" + formatted(-value, decimals: decimals) }
        guard var decimal = ShortestDecimal(value) else { return value.description }
        decimal.round(toDecimals: decimals)
        return decimal.text(decimals: decimals)
    }

    private static func sanitized(_ seconds: Double) -> Double {
        seconds.isFinite && seconds > 0 ? seconds : 0
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}

/// The digits of a double's shortest round-trip decimal, for rounding without binary error.
private struct ShortestDecimal {
    /// Significant digits, most significant first, each 0–9.
    var digits: [UInt8]
    /// How many of `digits` come before the decimal point (may be negative or beyond the count).
    var integerDigitCount: Int

    /// The digits of `value`'s `description` (Swift's shortest round-trip decimal): digits with
    /// a point, then `e`, an optional sign and the exponent for very large or small values;
    /// `nil` for any other text.
    ///
    /// The text is read as bytes: looking for the `e` character by character (a grapheme at a
    /// time) cost more than all the rest, and JUnit and HTML format a duration for every test
    /// and attempt.
    init?(_ value: Double) {
        var description = value.description
        guard let parsed = description.withUTF8({ Self.parse($0) }) else { return nil }
        self = parsed
    }

    private init(digits: [UInt8], integerDigitCount: Int) {
        self.digits = digits
        self.integerDigitCount = integerDigitCount
    }

    private static func parse(_ text: UnsafeBufferPointer<UInt8>) -> ShortestDecimal? {
        var digits: [UInt8] = []
        // At most 17 significant digits, plus the zeros of a value such as `100000.0`.
        digits.reserveCapacity(text.count)
        var integerDigitCount = 0
        var seenPoint = false
        var index = 0
        while index < text.count {
            let byte = text[index]
            if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                guard let exponent = exponent(text[(index + 1)...]) else { return nil }
                return ShortestDecimal(digits: digits, integerDigitCount: integerDigitCount + exponent)
            }
            if byte == UInt8(ascii: ".") {
                seenPoint = true
            } else if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                digits.append(byte - UInt8(ascii: "0"))
                if !seenPoint { integerDigitCount += 1 }
            } else {
                return nil
            }
            index += 1
        }
        return ShortestDecimal(digits: digits, integerDigitCount: integerDigitCount)
    }

    /// The exponent after the `e`: an optional `+` or `-`, then at least one digit and nothing else.
    private static func exponent(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        var rest = text[...]
        let isNegative = rest.first == UInt8(ascii: "-")
        if isNegative || rest.first == UInt8(ascii: "+") { rest = rest.dropFirst() }
        // A double's exponent has at most three digits; more would be no description of one.
        guard !rest.isEmpty, rest.count <= 4 else { return nil }
        var magnitude = 0
        for byte in rest {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            magnitude = magnitude * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return isNegative ? -magnitude : magnitude
    }

    /// Rounds to `decimals` places after the point, half to even.
    mutating func round(toDecimals decimals: Int) {
        let kept = integerDigitCount + decimals
        guard kept < digits.count else { return }
        guard kept >= 0 else {
            digits = []
            return
        }
        let first = digits[kept]
        let restIsZero = digits[(kept + 1)...].allSatisfy { $0 == 0 }
        let lastKeptIsOdd = kept > 0 && digits[kept - 1] % 2 == 1
        let roundsUp = first > 5 || (first == 5 && (!restIsZero || lastKeptIsOdd))
        digits.removeSubrange(kept...)
        guard roundsUp else { return }
        var index = kept - 1
        while index >= 0 {
            if digits[index] < 9 {
                digits[index] += 1
                return
            }
            digits[index] = 0
            index -= 1
        }
        digits.insert(1, at: 0)
        integerDigitCount += 1
    }

    /// `123.450`: the integer part (at least `0`), a point and exactly `decimals` digits.
    func text(decimals: Int) -> String {
        func digit(at position: Int) -> UInt8 {
            position >= 0 && position < digits.count ? digits[position] : 0
        }
        let integerLength = max(1, integerDigitCount)
        let length = integerLength + (decimals > 0 ? 1 + decimals : 0)
        return ASCIIText.string(capacity: length) { text in
            if integerDigitCount <= 0 {
                text.appendDigit(0)
            } else {
                for position in 0..<integerDigitCount { text.appendDigit(Int(digit(at: position))) }
            }
            if decimals > 0 {
                text.append(".")
                for place in 0..<decimals { text.appendDigit(Int(digit(at: integerDigitCount + place))) }
            }
        }
    }
}
