#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Calendar dates in UTC computed from a `Date` by arithmetic alone, so the text never depends
/// on the machine's locale, time zone or calendar settings.
struct UTCTimestamp: Hashable {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int

    init(_ date: Date) {
        let total = Int(date.timeIntervalSince1970.rounded(.down))
        var days = total / 86_400
        var secondOfDay = total % 86_400
        if secondOfDay < 0 {
            secondOfDay += 86_400
            days -= 1
        }
        (year, month, day) = Self.civilDate(daysSince1970: days)
        hour = secondOfDay / 3600
        minute = secondOfDay / 60 % 60
        second = secondOfDay % 60
    }

    /// `2026-11-25T14:03:09`, the form JUnit's `timestamp` attribute uses (no offset; UTC).
    var junit: String { text(separator: "T", suffix: "") }

    /// `2026-11-25 14:03:09 UTC`, for people.
    var readable: String { text(separator: " ", suffix: " UTC") }

    /// The date, `separator`, the time and `suffix`; a year has at least four digits, the other
    /// fields two. Reports print a date for every attempt (and its recording's expiry): each is
    /// written byte by byte, not interpolated.
    private func text(separator: StaticString, suffix: StaticString) -> String {
        // A year has at most 19 digits and a sign; the rest is 15 bytes and the suffix.
        ASCIIText.string(capacity: 48) { text in
            text.append(year, width: 4)
            text.append("-")
            text.append(month, width: 2)
            text.append("-")
            text.append(day, width: 2)
            text.append(separator)
            text.append(hour, width: 2)
            text.append(":")
            text.append(minute, width: 2)
            text.append(":")
            text.append(second, width: 2)
            text.append(suffix)
        }
    }

    /// The proleptic Gregorian date of a day number (days since 1970-01-01), by splitting the
    /// timeline into 400-year eras that start on 1 March, where leap days fall at an era's end.
    private static func civilDate(daysSince1970: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = daysSince1970 + 719_468  // days since 0000-03-01
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153  // 0 = March
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}
