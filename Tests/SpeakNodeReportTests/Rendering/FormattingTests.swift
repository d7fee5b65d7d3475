import Foundation
import Testing
@testable import SpeakNodeReport

@Suite("Formatting of durations, dates and links")
struct FormattingTests {
    @Test("Durations read naturally and JUnit seconds have three decimals")
    func durations() {
        #expect(DurationText.readable(0.42) == "0.4s")
        #expect(DurationText.readable(12.34) == "12.3s")
        #expect(DurationText.readable(62) == "1m 02s")
        #expect(DurationText.readable(3723) == "1h 02m 03s")
        #expect(DurationText.readable(-1) == "0.0s")
        #expect(DurationText.readable(.nan) == "0.0s")
        #expect(DurationText.seconds(62) == "62.000")
        #expect(DurationText.seconds(0.1234) == "0.123")
        #expect(DurationText.offset(12.34) == "00:12.3")
        #expect(DurationText.offset(3662) == "61:02.0")
    }

    @Test("Pass rates are percentages with at most one decimal, absent when nothing ran")
    func percentages() {
        #expect(DurationText.percentage(7, of: 8) == "87.5%")
        #expect(DurationText.percentage(3, of: 3) == "100%")
        #expect(DurationText.percentage(1, of: 3) == "33.3%")
        #expect(DurationText.percentage(0, of: 0) == nil)
    }

    @Test("UTC timestamps are computed without a calendar, across leap years and before 1970")
    func timestamps() {
        #expect(UTCTimestamp(Date(timeIntervalSince1970: 0)).junit == "1970-01-01T00:00:00")
        #expect(UTCTimestamp(Date(timeIntervalSince1970: 951_782_400)).junit == "2000-02-29T00:00:00")
        #expect(UTCTimestamp(Date(timeIntervalSince1970: 1_566_656_122.9)).junit == "2019-08-24T14:15:22")
        #expect(UTCTimestamp(Date(timeIntervalSince1970: -1)).junit == "1969-12-31T23:59:59")
        #expect(UTCTimestamp(Date(timeIntervalSince1970: 4_107_542_399)).readable == "2100-02-28 23:59:59 UTC")
    }

    @Test("Only http(s) URLs become links, with characters that could end a link encoded")
    func links() {
        #expect(WebLink.http("https://rec.example/a.wav?x=1&y=2") == "https://rec.example/a.wav?x=1&y=2")
        #expect(WebLink.http("HTTP://rec.example/a b|c") == "http://rec.example/a%20b%7Cc")
        #expect(WebLink.http("javascript:alert(1)") == nil)
        #expect(WebLink.http("data:text/html,x") == nil)
        #expect(WebLink.http("https:///nohost") == nil)
        #expect(WebLink.http("https://x.example/\u{0}") == nil)
        #expect(WebLink.http(nil) == nil)
    }
}
