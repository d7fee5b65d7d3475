import Foundation
import Testing
@testable import SpeakNodeReport

@Suite("SpeakNodeTimestampReader")
struct SpeakNodeTimestampReaderTests {
    private func read(_ text: String, with reader: inout SpeakNodeTimestampReader) -> Date? {
        Array(text.utf8).withUnsafeBufferPointer { reader.date(inSpeakNodeForm: $0) }
    }

    @Test("reads a delivery's timestamps as TimestampParser does, from day to day")
    func agreesWithTheParser() {
        var reader = SpeakNodeTimestampReader()
        for text in [
            "2026-11-18T11:06:51.193Z", "2026-11-18T11:06:52.455Z", "2026-11-18T23:59:59Z", "2026-11-19T00:00:00.000Z",
            "2026-11-18T11:06:51.193Z", "2024-02-29T12:00:00Z", "2024-02-29T12:00:60Z", "1969-12-31T23:59:59.999Z",
            "2026-11-18T11:06:51.123456789012345Z", "2026-11-18T11:06:51.5Z",
        ] {
            #expect(read(text, with: &reader) == TimestampParser.date(from: text), "\(text)")
            #expect(read(text, with: &reader) != nil, "\(text)")
        }
    }

    @Test("rejects a bad time of day on a day it knows, and bad days are not remembered", arguments: [
        "2026-11-18T24:00:00Z", "2026-11-18T11:60:00Z", "2026-11-18T11:06:61Z", "2026-11-18T11:06:51.19xZ",
        "2026-11-18T11:06:51.Z", "2026-11-18 11:06:51Z", "2026-11-18T11:06:51+0200", "2026-11-18T11-06:51Z",
        "2026-02-30T11:06:51Z", "2026-13-18T11:06:51Z", "2026-11-1xT11:06:51Z", "2026/11/18T11:06:51Z",
    ])
    func rejectsOtherForms(_ text: String) {
        var reader = SpeakNodeTimestampReader()
        #expect(read("2026-11-18T10:00:00Z", with: &reader) != nil)
        #expect(read(text, with: &reader) == nil)
        #expect(read("2026-11-18T10:00:00Z", with: &reader) == TimestampParser.date(from: "2026-11-18T10:00:00Z"))
        #expect(read("2026-02-28T10:00:00Z", with: &reader) == TimestampParser.date(from: "2026-02-28T10:00:00Z"))
    }
}
