import Foundation
import Testing
@testable import SpeakNodeReport

@Suite("TimestampParser")
struct TimestampParserTests {
    /// 2019-08-24T14:15:22Z.
    private let reference = 1_566_656_122.0

    @Test("reads every ISO 8601 form SpeakNode may send", arguments: [
        ("2019-08-24T14:15:22Z", 0.0),
        ("2019-08-24T14:15:22z", 0.0),
        ("2019-08-24t14:15:22Z", 0.0),
        ("2019-08-24 14:15:22Z", 0.0),
        ("2019-08-24T14:15:22.5Z", 0.5),
        ("2019-08-24T14:15:22.123456Z", 0.123456),
        ("2019-08-24T14:15:22.123456789123Z", 0.123456789123),
        ("2019-08-24T16:15:22+02:00", 0.0),
        ("2019-08-24T16:15:22+0200", 0.0),
        ("2019-08-24T16:15:22+02", 0.0),
        ("2019-08-24T09:45:22-04:30", 0.0),
        ("2019-08-24T09:45:22.25-0430", 0.25),
        ("2019-08-24T14:15:22", 0.0),
        ("2019-08-24T14:15:22.75", 0.75),
        ("2019-08-24T14:15Z", -22.0),
        ("2019-08-24", -51_322.0),
        (" 2019-08-24T14:15:22Z ", 0.0),
    ])
    func isoForms(_ text: String, _ offsetFromReference: Double) throws {
        let date = try #require(TimestampParser.date(from: text))
        #expect(abs(date.timeIntervalSince1970 - (reference + offsetFromReference)) < 1e-6)
    }

    @Test("reads epoch seconds given as text")
    func epochText() throws {
        #expect(TimestampParser.date(from: "1566656122")?.timeIntervalSince1970 == reference)
        #expect(TimestampParser.date(from: "1566656122.25")?.timeIntervalSince1970 == reference + 0.25)
    }

    @Test("agrees with Foundation on dates across eras and leap years", arguments: [
        "1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "2000-02-29T12:00:00Z", "1900-03-01T00:00:00Z",
        "2024-12-31T23:59:59Z", "2100-02-28T00:00:00Z", "9999-12-31T23:59:59Z",
        "1600-02-29T00:00:00Z",
    ])
    func agreesWithFoundation(_ text: String) throws {
        let formatter = ISO8601DateFormatter()
        let expected = try #require(formatter.date(from: text))
        #expect(TimestampParser.date(from: text) == expected)
    }

    @Test("rejects what is not a timestamp", arguments: [
        "", "yesterday", "2019-13-01T00:00:00Z", "2019-02-29T00:00:00Z", "2019-08-32", "2019-08-24T24:00:00Z",
        "2019-08-24T14:60:00Z", "2019-08-24T14:15:61Z", "2019-08-24T14:15:22.Z", "2019-08-24T14:15:22+2",
        "2019-08-24T14:15:22+02:60", "2019-08-24T14:15:22Q", "19-08-24", "2019/08/24", "2019-08-24T14",
        "2019-08-24T14:15:22Z junk", "2019", "1e9", "--1",
    ])
    func rejectsGarbage(_ text: String) {
        #expect(TimestampParser.date(from: text) == nil, "should reject \(text.debugDescription)")
    }

    @Test("dates before 1582 follow the proleptic Gregorian calendar, as ISO 8601 says")
    func prolepticGregorian() {
        #expect(TimestampParser.daysSinceEpoch(year: 1, month: 1, day: 1) == -719_162)
        #expect(TimestampParser.daysSinceEpoch(year: 1970, month: 1, day: 1) == 0)
        #expect(TimestampParser.daysSinceEpoch(year: 2000, month: 3, day: 1) == 11_017)
    }

    @Test("a leap second rolls over into the next minute")
    func leapSecond() throws {
        let date = try #require(TimestampParser.date(from: "2016-12-31T23:59:60Z"))
        #expect(date == TimestampParser.date(from: "2017-01-01T00:00:00Z"))
    }

    @Test("numbers are seconds since 1970, fractions kept")
    func epochNumbers() {
        #expect(TimestampParser.date(fromEpochSeconds: 1_566_656_122.5)?.timeIntervalSince1970 == 1_566_656_122.5)
        #expect(TimestampParser.date(fromEpochSeconds: .infinity) == nil)
    }
}

/// SpeakNode's own form (`YYYY-MM-DDThh:mm:ss[.fraction]Z`) is read by position; it must give
/// exactly the moment the general rules give for the same text written another way.
@Suite("TimestampParser, SpeakNode's form")
struct TimestampParserSpeakNodeFormTests {
    @Test("the same moment as the general reading, to the last bit", arguments: [
        "2026-11-18T11:06:51Z", "2026-11-18T11:06:51.1Z", "2026-11-18T11:06:51.193Z", "2026-11-18T11:06:51.000Z",
        "2026-11-18T11:06:51.999999Z", "2024-02-29T23:59:59.123456789012345Z", "1969-12-31T23:59:59.5Z",
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:60Z", "2016-12-31T23:59:60.25Z",
    ])
    func sameAsGeneralReading(_ text: String) throws {
        let fast = try #require(TimestampParser.date(from: text))
        // A space instead of `T`, and `+00:00` instead of `Z`, take the general reading.
        let general = try #require(TimestampParser.date(from: text.replacingOccurrences(of: "T", with: " ")
            .replacingOccurrences(of: "Z", with: "+00:00")))
        #expect(fast.timeIntervalSinceReferenceDate.bitPattern == general.timeIntervalSinceReferenceDate.bitPattern)
    }

    @Test("other texts are read as the general rules read them", arguments: [
        "2026-13-18T11:06:51Z", "2026-02-30T11:06:51Z", "2026-11-18T24:06:51Z", "2026-11-18T11:60:51Z",
        "2026-11-18T11:06:61Z", "2026-11-18T11:06:51.Z", "2026-11-18T11:06:5aZ", "2026-11-18X11:06:51Z",
        "2026-11-18T11:06:51.1234567890123456Z", "2026-11-18T11:06:51.12a4Z", "2026-11-18T11:06:51,5Z",
        // A byte just below '0' or just above '9' in each two-digit field.
        "/026-11-18T11:06:51Z", "20:6-11-18T11:06:51Z", "2026-/1-18T11:06:51Z", "2026-11-1:T11:06:51Z",
        "2026-11-18T1/:06:51Z", "2026-11-18T11:0::51Z", "2026-11-18T11:06:/1Z", "2026-11-18T11:06:51.0/Z",
    ])
    func rejectsLikeTheGeneralReading(_ text: String) {
        let general = TimestampParser.date(from: text.replacingOccurrences(of: "T", with: " ")
            .replacingOccurrences(of: "Z", with: "+00:00"))
        #expect(TimestampParser.date(from: text) == general)
    }
}
