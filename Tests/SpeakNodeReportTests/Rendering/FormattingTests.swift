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
        #expect(DurationText.offset(7384.5) == "123:04.5", "past 99 minutes the minutes take the digits they need")
        #expect(DurationText.offset(0.04) == "00:00.0")
        #expect(DurationText.offset(-3) == "00:00.0")
        for seconds in [12.34, 3662, 7384.5, 0.04, -3, .nan, 59.96, 5999.96, 1e15] {
            let written = ASCIIText.withBytes(capacity: DurationText.maximumBracketedOffsetLength) { text in
                DurationText.writeBracketedOffset(seconds, into: &text)
            } then: { String(decoding: $0, as: UTF8.self) }
            #expect(written == "[" + DurationText.offset(seconds) + "] ", "written as bytes: \(seconds)")
        }
    }

    @Test("Offsets below 100 minutes, written digit by digit, read as the general number writing gives them")
    func offsetsAgreeWithGeneralWriting() {
        /// The offset as minutes and seconds of at least two digits and tenths, from the rounded
        /// tenths, as the general number writer (`append(_:width:)`) writes it.
        func reference(_ seconds: Double) -> String {
            let tenths = Int(((seconds.isFinite && seconds > 0 ? seconds : 0) * 10).rounded())
            func padded(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
            return "\(padded(tenths / 600)):\(padded(tenths % 600 / 10)).\(tenths % 10)"
        }
        var values: [Double] = [
            0, -0.0, -3, -1e300, .nan, -.nan, .infinity, -.infinity, .ulpOfOne, 0.04, 0.05, 0.0499999, 9.95, 9.96,
            59.94, 59.95, 59.96, 59.99, 60, 599.96, 3599.95, 5999.9, 5999.94, 5999.95, 5999.96, 6000, 6000.04,
            7384.5, 1e6, 1e9, 1e15, 9.2e17,
        ]
        // Every tenth up to 101 minutes, and the values halfway between tenths.
        for tenth in 0...60_600 {
            values.append(Double(tenth) / 10)
            values.append((Double(tenth) + 0.5) / 10)
        }
        for seconds in values {
            let expected = reference(seconds)
            let written = ASCIIText.withBytes(capacity: DurationText.maximumBracketedOffsetLength) { text in
                DurationText.writeBracketedOffset(seconds, into: &text)
            } then: { String(decoding: $0, as: UTF8.self) }
            guard written == "[" + expected + "] ", DurationText.offset(seconds) == expected else {
                Issue.record("offset of \(seconds): \(written) and \(DurationText.offset(seconds)), expected \(expected)")
                return
            }
        }
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

    @Test("Timestamps pad every field, whatever the year", arguments: [
        0, -1, 1_566_656_122.9, 253_402_300_799, 253_402_300_800, -62_135_596_800, -62_167_219_200, -62_198_755_200,
        -99_999_999_999, 99_999_999_999, 1e15,
    ] as [Double])
    func timestampFields(_ seconds: Double) {
        let timestamp = UTCTimestamp(Date(timeIntervalSince1970: seconds))
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(abs(value))
            let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
            return value < 0 ? "-" + padded : padded
        }
        let date = "\(pad(timestamp.year, 4))-\(pad(timestamp.month, 2))-\(pad(timestamp.day, 2))"
        let time = "\(pad(timestamp.hour, 2)):\(pad(timestamp.minute, 2)):\(pad(timestamp.second, 2))"
        #expect(timestamp.junit == date + "T" + time)
        #expect(timestamp.readable == date + " " + time + " UTC")
    }

    @Test("Years before 1000 and before year 0 keep four digits")
    func timestampYears() {
        #expect(UTCTimestamp(Date(timeIntervalSince1970: -62_135_596_800)).junit == "0001-01-01T00:00:00")
        #expect(UTCTimestamp(Date(timeIntervalSince1970: -62_198_755_200)).readable == "-0001-01-01 00:00:00 UTC")
        #expect(UTCTimestamp(Date(timeIntervalSince1970: 253_402_300_800)).junit == "10000-01-01T00:00:00")
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

    @Test("A scheme is recognised in any case, and only when it ends a character")
    func linkSchemes() {
        #expect(WebLink.http("HtTpS://x.example/a") == "https://x.example/a")
        #expect(WebLink.http("hTTP://x.example/") == "http://x.example/")
        #expect(WebLink.http("https://x.example/a") == "https://x.example/a")
        #expect(WebLink.http("https:/x.example") == nil)
        #expect(WebLink.http("http") == nil)
        #expect(WebLink.http("ftp://x.example") == nil)
        // The accent joins the second `/`: the text does not start with the scheme's characters.
        #expect(WebLink.http("https://\u{301}x.example") == nil)
        #expect(WebLink.http("\u{212A}ttps://x.example") == nil, "a Kelvin sign lowercases to k, not h")
    }

    @Test("Links are what lowercasing the whole text to find the scheme gave", arguments: [
        "https://x.example/a", "HTTPS://X.EXAMPLE/A", "Http://x.example/é", "https://x.example/a b", " https://x.example ",
        "https://", "http://?", "https://#a", "https:///", "https://\u{301}", "http://x\u{301}", "HTTP\u{130}://x",
        "https://x.example/\u{7F}", "\u{A0}http://x.example", "https://x.example/İ", "javascript:x", "",
        // Visible ASCII, as most recording URLs are: answered from the bytes (see `plainLink`).
        "https://x", "http://x", "https://?", "http://#", "https:x", "http:/x", "https://x.example/a\"b",
        "https://x.example/a|b", "https://x.example/{a}", "HTTPS://x.example/a", "Http://x.example/a",
        "https://x.example/a%20b?c=1&d=~e!$(*)+,;=:@#f", "https://x.example/a'b", "httpss://x.example",
        "https://x.example/a\r\n", "https://x.example/a\u{301}",
    ])
    func linksAsBefore(_ text: String) {
        #expect(WebLink.http(text) == Self.lowercasingLink(text))
    }

    /// What ``WebLink/http(_:)`` gave when it lowercased the text to find the scheme.
    static func lowercasingLink(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let lowered = trimmed.lowercased()
        let scheme = lowered.hasPrefix("https://") ? "https://" : lowered.hasPrefix("http://") ? "http://" : nil
        guard let scheme else { return nil }
        let rest = trimmed.dropFirst(scheme.count)
        guard let first = rest.first, first != "/", first != "?", first != "#" else { return nil }
        var result = scheme
        for scalar in rest.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return nil }
            if scalar.isASCII && !" \"'<>\\^`{|}".unicodeScalars.contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 {
                    let hex = String(byte, radix: 16, uppercase: true)
                    result += "%" + (hex.count < 2 ? "0" + hex : hex)
                }
            }
        }
        return result
    }
}
