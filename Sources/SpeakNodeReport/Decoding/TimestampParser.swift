#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads the timestamps SpeakNode sends: ISO 8601 / RFC 3339 text, or seconds since 1970.
///
/// Accepted text forms are `YYYY-MM-DD`, optionally followed by `T` (or `t`, or a space) and
/// `hh:mm`, `hh:mm:ss` or `hh:mm:ss.fraction`, then optionally `Z`, `±hh:mm`, `±hhmm` or `±hh`.
/// A time without an offset is read as UTC. Text made only of a number is read as epoch seconds.
/// It avoids `DateFormatter`, which is slow and locale-sensitive, by computing the day number
/// of the civil date directly.
public enum TimestampParser {
    /// The moment `text` names, or `nil` when it is not a timestamp this parser knows.
    public static func date(from text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    /// The moment that `seconds` since 1970-01-01T00:00:00Z names, or `nil` when not finite.
    public static func date(fromEpochSeconds seconds: Double) -> Date? {
        seconds.isFinite ? Date(timeIntervalSince1970: seconds) : nil
    }

    /// The moment the UTF-8 text in `bytes` names, or `nil`; the same rules as ``date(from:)``.
    static func date(fromUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        parse(bytes: bytes)
    }

    /// The moment the UTF-8 text in `bytes` names when it is in SpeakNode's own form
    /// (`YYYY-MM-DDThh:mm:ss[.fraction]Z`), else `nil` even if the general rules read it.
    /// Such a text is only digits, `-`, `T`, `:`, `.` and `Z`.
    static func date(inSpeakNodeFormUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        utcDate(inSpeakNodeForm: bytes)
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        if let date = utcDate(inSpeakNodeForm: bytes) { return date }
        var cursor = Cursor(bytes: bytes)
        cursor.skipSpaces()
        if let seconds = cursor.epochSeconds() { return date(fromEpochSeconds: seconds) }

        guard let year = cursor.digits(4), cursor.take(ASCIIByte.minus),
              let month = cursor.digits(2), cursor.take(ASCIIByte.minus),
              let day = cursor.digits(2),
              (1...12).contains(month), (1...daysInMonth(month, year: year)).contains(day)
        else { return nil }

        var secondsOfDay = 0
        var fraction = 0.0
        var offsetSeconds = 0
        if cursor.take(UInt8(ascii: "T")) || cursor.take(UInt8(ascii: "t")) || cursor.take(ASCIIByte.space) {
            guard let hour = cursor.digits(2), cursor.take(ASCIIByte.colon), let minute = cursor.digits(2),
                  hour <= 23, minute <= 59
            else { return nil }
            var second = 0
            if cursor.take(ASCIIByte.colon) {
                // 60 is a leap second; it rolls over into the next minute.
                guard let value = cursor.digits(2), value <= 60 else { return nil }
                second = value
                if cursor.take(ASCIIByte.period) || cursor.take(ASCIIByte.comma) {
                    guard let value = cursor.fraction() else { return nil }
                    fraction = value
                }
            }
            secondsOfDay = hour * 3600 + minute * 60 + second
            guard let offset = cursor.zoneOffset() else { return nil }
            offsetSeconds = offset
        }
        cursor.skipSpaces()
        guard cursor.isAtEnd else { return nil }

        let days = daysSinceEpoch(year: year, month: month, day: day)
        let seconds = days * 86_400 + secondsOfDay - offsetSeconds
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// The moment in the one form SpeakNode sends, `YYYY-MM-DDThh:mm:ssZ` or with a fraction
    /// of up to 15 digits before the `Z`, read by position; `nil` for anything else, which
    /// the general rules then read. Every delivery holds thousands of these, so they skip the
    /// general reader's step-by-step checks; the result is computed exactly as it computes it.
    private static func utcDate(inSpeakNodeForm bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        guard isSpeakNodeFormLength(bytes.count), let text = bytes.baseAddress,
              let days = daysSinceEpoch(ofSpeakNodeDay: text)
        else { return nil }
        return utcDate(inSpeakNodeForm: text, count: bytes.count, daysSinceEpoch: days)
    }

    /// Whether a text of `count` bytes can be in SpeakNode's form: 20 bytes without a fraction,
    /// 22 to 36 with one.
    @inline(__always)
    static func isSpeakNodeFormLength(_ count: Int) -> Bool {
        count >= 20 && count != 21 && count <= 36
    }

    /// The day number (see ``daysSinceEpoch(year:month:day:)``) of the `YYYY-MM-DD` that
    /// starts `text`, checked to be a real date; `nil` otherwise. `text` has at least 10 bytes.
    static func daysSinceEpoch(ofSpeakNodeDay text: UnsafePointer<UInt8>) -> Int? {
        guard text[4] == ASCIIByte.minus, text[7] == ASCIIByte.minus,
              let century = twoDigits(text, at: 0), let yearOfCentury = twoDigits(text, at: 2),
              let month = twoDigits(text, at: 5), let day = twoDigits(text, at: 8)
        else { return nil }
        let year = century &* 100 &+ yearOfCentury
        guard (1...12).contains(month), (1...daysInMonth(month, year: year)).contains(day) else { return nil }
        return daysSinceEpoch(year: year, month: month, day: day)
    }

    /// The moment named by the `count` bytes of `text` in SpeakNode's form, given the day
    /// number of its first ten bytes (already checked, see ``daysSinceEpoch(ofSpeakNodeDay:)``);
    /// `nil` when the rest is not `Thh:mm:ss[.fraction]Z`. `count` passed ``isSpeakNodeFormLength(_:)``.
    @inline(__always)
    static func utcDate(inSpeakNodeForm text: UnsafePointer<UInt8>, count: Int, daysSinceEpoch days: Int) -> Date? {
        guard text[10] == UInt8(ascii: "T"), text[13] == ASCIIByte.colon, text[16] == ASCIIByte.colon,
              text[count - 1] == UInt8(ascii: "Z"),
              let hour = twoDigits(text, at: 11), let minute = twoDigits(text, at: 14), let second = twoDigits(text, at: 17),
              hour <= 23, minute <= 59, second <= 60
        else { return nil }
        var fraction = 0.0
        if count > 20 {
            // Up to 15 digits are exact in a double, as in `Cursor.fraction()`.
            let fractionDigits = count - 21
            guard text[19] == ASCIIByte.period, let numerator = number(text, at: 20, digits: fractionDigits)
            else { return nil }
            fraction = Double(numerator) / powersOfTen[fractionDigits]
        }
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    private static let powersOfTen: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]

    /// The two decimal digits at `start`, as a number; `nil` unless both are digits. The
    /// fixed fields of a timestamp are read two digits at a time, without a loop: several
    /// hundred thousand timestamps per run make this the decoder's busiest number reader.
    @inline(__always)
    private static func twoDigits(_ text: UnsafePointer<UInt8>, at start: Int) -> Int? {
        let tens = text[start] &- ASCIIByte.zero, ones = text[start + 1] &- ASCIIByte.zero
        guard tens < 10, ones < 10 else { return nil }
        return Int(tens &* 10 &+ ones)
    }

    /// Exactly `digits` decimal digits starting at `start`, as a number; at most 18 digits,
    /// so the value cannot overflow.
    @inline(__always)
    private static func number(_ text: UnsafePointer<UInt8>, at start: Int, digits: Int) -> Int? {
        var value = 0
        for index in start..<start + digits {
            let digit = text[index] &- ASCIIByte.zero
            guard digit < 10 else { return nil }
            value = value &* 10 &+ Int(digit)
        }
        return value
    }

    /// Days from 1970-01-01 to the given proleptic Gregorian date, negative before it.
    ///
    /// Counts in 400-year eras that start on 1 March, so the leap day falls at the end of a year.
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let marchBasedYear = month <= 2 ? year - 1 : year
        let era = (marchBasedYear >= 0 ? marchBasedYear : marchBasedYear - 399) / 400
        let yearOfEra = marchBasedYear - era * 400
        let monthFromMarch = (month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        // 719_468 days separate 0000-03-01 from 1970-01-01.
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return isLeap ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }

    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        var isAtEnd: Bool { position == bytes.count }

        mutating func skipSpaces() {
            while position < bytes.count && ASCIIByte.isWhitespace(bytes[position]) { position += 1 }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        /// Exactly `count` decimal digits as a number.
        mutating func digits(_ count: Int) -> Int? {
            guard position + count <= bytes.count else { return nil }
            var value = 0
            for index in position..<position + count {
                guard ASCIIByte.isDigit(bytes[index]) else { return nil }
                value = value * 10 + Int(bytes[index] - ASCIIByte.zero)
            }
            position += count
            return value
        }

        /// One or more digits after the decimal separator, as a fraction of a second.
        mutating func fraction() -> Double? {
            var numerator = 0.0
            var denominator = 1.0
            let start = position
            while position < bytes.count && ASCIIByte.isDigit(bytes[position]) {
                if position - start < 15 {
                    numerator = numerator * 10 + Double(bytes[position] - ASCIIByte.zero)
                    denominator *= 10
                }
                position += 1
            }
            return position > start ? numerator / denominator : nil
        }

        /// `Z`, `±hh:mm`, `±hhmm` or `±hh` as seconds east of UTC; nothing at all means UTC.
        mutating func zoneOffset() -> Int? {
            if take(UInt8(ascii: "Z")) || take(UInt8(ascii: "z")) { return 0 }
            let sign: Int
            if take(ASCIIByte.plus) {
                sign = 1
            } else if take(ASCIIByte.minus) {
                sign = -1
            } else {
                return position == bytes.count || ASCIIByte.isWhitespace(bytes[position]) ? 0 : nil
            }
            guard let hours = digits(2), hours <= 23 else { return nil }
            var minutes = 0
            if take(ASCIIByte.colon) {
                guard let value = digits(2) else { return nil }
                minutes = value
            } else if let value = digits(2) {
                minutes = value
            }
            guard minutes <= 59 else { return nil }
            return sign * (hours * 3600 + minutes * 60)
        }

        /// The whole text as a plain decimal number (epoch seconds), or `nil` leaving the cursor alone.
        mutating func epochSeconds() -> Double? {
            var end = bytes.count
            while end > position && ASCIIByte.isWhitespace(bytes[end - 1]) { end -= 1 }
            var index = position
            if index < end && (bytes[index] == ASCIIByte.minus || bytes[index] == ASCIIByte.plus) { index += 1 }
            var sawDigit = false
            var sawPeriod = false
            while index < end {
                let byte = bytes[index]
                if ASCIIByte.isDigit(byte) {
                    sawDigit = true
                } else if byte == ASCIIByte.period && !sawPeriod {
                    sawPeriod = true
                } else {
                    return nil
                }
                index += 1
            }
            // Four digits alone could be a year; a real epoch timestamp is never that short.
            guard sawDigit, end - position > 4 || sawPeriod else { return nil }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<end]), as: UTF8.self)
            return Double(text)
        }
    }
}
