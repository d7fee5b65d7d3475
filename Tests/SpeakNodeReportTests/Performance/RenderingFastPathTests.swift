import Foundation
import Testing
@testable import SpeakNodeReport

/// The rendering helpers work on bytes for speed; each must give exactly what the plain,
/// character-by-character definition gives, for hostile text too.
@Suite("Rendering fast paths")
struct RenderingFastPathTests {
    /// Text that exercises every rule: markup, quotes, every C0 control, DEL, C1 controls,
    /// non-characters, combining marks, emoji, right-to-left text, CRLF.
    private static let samples: [String] = {
        var samples = [
            "", "plain text", "<script>alert('x')</script> & \"quotes\"", "a\r\nb\rc\nd\te",
            "\u{FFFE}\u{FFFF}\u{FFFD}\u{FEFF}", "é e\u{301} 🙂👍🏽 مرحبا 你好 z̸̢͓", "{{title}} ]]> &amp;",
            "\u{7F}\u{80}\u{85}\u{9F}\u{A0}\u{2028}\u{2029}",
            "\u{2029}\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{202F}\u{2065}\u{2066}\u{2067}\u{2068}\u{2069}\u{206A}",
            "\u{200E}\u{200F}\u{061C}\u{200B}\u{200D}\u{2060}\u{FEFF} deliaf\u{202E}failed\u{202C}", String(repeating: "long <&> text ", count: 500),
            // Kept characters that share a lead byte (E2 or EF) and often a second byte with removed ones.
            "\u{2026}\u{2014}\u{20AC}\u{2029}\u{2065}\u{206A}\u{2070}\u{FFFD}\u{FEFF}\u{FF5E}\u{FFEE}",
            // Nothing but removed characters; a change first, last, or both.
            "\u{202E}\u{FFFF}\u{0}\u{2066}", "&", "<a", "a>", "\u{202E}é", "é\u{FFFE}", "&\u{1F}&",
            String(repeating: "🙂", count: 3000) + "<" + String(repeating: "x", count: 5000) + "\u{2069}",
        ]
        samples.append(String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) }))
        samples += samples.map { "x" + $0 + "\u{FFFF}y" }
        return samples
    }()

    /// The XML rule, one Unicode scalar at a time.
    private static func referenceXML(_ text: String, apostrophe: String, keepsCarriageReturn: Bool) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += apostrophe
            case "\r" where !keepsCarriageReturn: result += "&#13;"
            default:
                switch scalar.value {
                case 0x09, 0x0A, 0x0D: result.unicodeScalars.append(scalar)
                case 0x00...0x1F, 0xFFFE, 0xFFFF, 0x202A...0x202E, 0x2066...0x2069: break
                default: result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    @Test("XML and HTML escaping match the character-by-character rules", arguments: samples)
    func escaping(_ text: String) {
        #expect(XMLEscaper.escape(text) == Self.referenceXML(text, apostrophe: "&apos;", keepsCarriageReturn: false))
        #expect(HTMLEscaper.escape(text) == Self.referenceXML(text, apostrophe: "&#39;", keepsCarriageReturn: true))
    }

    @Test("XML and HTML escaping find a character to change wherever it falls among the bytes looked up eight at a time",
          arguments: ["&", "<", "'", "\u{0}", "\r", "\u{FFFE}", "\u{202E}", "\u{2069}", "é", "—"])
    func escapingAtEveryPosition(_ changed: String) {
        for length in 0...20 {
            for position in 0...length {
                let text = String(repeating: "a", count: position) + changed + String(repeating: "b", count: length - position)
                for text in [text, text + text] {
                    #expect(XMLEscaper.escape(text) == Self.referenceXML(text, apostrophe: "&apos;", keepsCarriageReturn: false))
                    #expect(HTMLEscaper.escape(text) == Self.referenceXML(text, apostrophe: "&#39;", keepsCarriageReturn: true))
                    var appended: [UInt8] = []
                    XMLEscaper.append(text, to: &appended)
                    #expect(appended == Array(XMLEscaper.escape(text).utf8))
                }
            }
        }
    }

    @Test("a table that only removes characters gives the text without them", arguments: samples)
    func removingOnly(_ text: String) {
        let table = ASCIIReplacementTable(replacements: [:], removed: [0x00...0x1F])
        let expected = String(String.UnicodeScalarView(text.unicodeScalars.filter { scalar in
            switch scalar.value {
            case 0x00...0x1F, 0xFFFE, 0xFFFF, 0x202A...0x202E, 0x2066...0x2069: false
            default: true
            }
        }))
        #expect(table.apply(to: text) == expected)
    }

    @Test("text that needs no escaping comes back unchanged")
    func unchanged() {
        let text = "Caller asked to speak to a human; the agent transferred correctly. 🙂"
        #expect(XMLEscaper.escape(text) == text)
        #expect(HTMLEscaper.escape(text) == text)
    }

    @Test("durations are rounded exactly as printf rounds them", arguments: [
        0, 0.0005, 0.0625, 0.1, 0.05, 0.15, 0.25, 0.35, 1.0005, 1.2345, 2.5, 59.94, 59.95, 59.96, 61, 3599.5,
        Double.leastNonzeroMagnitude, 123_456.789_5, 1e15, 1e16, 1e22, 5e-5, 6e-4, 0.00095, 9.9999, 99.95, 0.95,
        1.7976931348623157e308,
    ])
    func durations(_ value: Double) {
        let posix = Locale(identifier: "en_US_POSIX")
        #expect(DurationText.formatted(value, decimals: 3) == String(format: "%.3f", locale: posix, value))
        #expect(DurationText.formatted(value, decimals: 1) == String(format: "%.1f", locale: posix, value))
        if value < 60 {
            #expect(DurationText.readable(value) == String(format: "%.1fs", locale: posix, value))
        }
        #expect(DurationText.seconds(value) == String(format: "%.3f", locale: posix, value))
    }

    @Test("negative values are formatted as Foundation formats them, sign first", arguments: [
        -0.0, -0.04, -0.05, -0.15, -1.2345, -59.95, -123_456.789_5, -1e16,
    ])
    func negativeDurations(_ value: Double) {
        let posix = Locale(identifier: "en_US_POSIX")
        for decimals in 0...3 {
            #expect(DurationText.formatted(value, decimals: decimals) == String(format: "%.\(decimals)f", locale: posix, value))
        }
    }

    @Test("durations match Foundation's formatting for thousands of values")
    func manyDurations() {
        let posix = Locale(identifier: "en_US_POSIX")
        var random = SystemRandomNumberGenerator()
        var values: [Double] = []
        for thousandths in 0..<3000 { values.append(Double(thousandths) / 1000 + 0.0005) }
        for hundredths in 0..<3000 { values.append(Double(hundredths) / 100 + 0.05) }
        for _ in 0..<5000 { values.append(Double.random(in: 0..<100, using: &random)) }
        for _ in 0..<2000 { values.append(Double.random(in: 0..<1e7, using: &random).rounded() / 1000) }
        for _ in 0..<2000 { values.append(Double(bitPattern: UInt64.random(in: 0..<0x7FF0_0000_0000_0000, using: &random))) }
        for value in values {
            #expect(DurationText.formatted(value, decimals: 3) == String(format: "%.3f", locale: posix, value), "\(value)")
            #expect(DurationText.formatted(value, decimals: 1) == String(format: "%.1f", locale: posix, value), "\(value)")
            #expect(DurationText.formatted(value, decimals: 2) == String(format: "%.2f", locale: posix, value), "\(value)")
        }
    }

    /// Latencies as `InsightFormat.format` wrote them before it worked on integers.
    private static func referenceLatency(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds > 0 else { return "0 ms" }
        guard seconds < 1e12 else { return "\(seconds) s" }
        let milliseconds = Int64((seconds * 1000).rounded())
        if milliseconds < 1000 { return "\(milliseconds) ms" }
        let hundredths = Int64((seconds * 100).rounded())
        var fraction = String(hundredths % 100)
        if fraction.count < 2 { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.isEmpty ? "\(hundredths / 100) s" : "\(hundredths / 100).\(fraction) s"
    }

    @Test("latencies and offsets match their string-built definitions")
    func latenciesAndOffsets() {
        var random = SystemRandomNumberGenerator()
        var values: [Double] = [0, -1, .nan, .infinity, 0.0004, 0.9994, 0.9995, 0.9996, 1, 1.005, 1.05, 1.5, 9.995, 59.95, 99.99, 5999.94, 5999.95, 6000, 123_456.7, 1e12, 1e15,
            // Around the longest text kept inline (a billion seconds) and the longest written (a trillion).
            999_999_999.994, 999_999_999.995, 999_999_999.999, 1e9, 1e9.nextUp, 1_234_567_890.12, 999_999_999_999.99, 1e12.nextDown]
        for thousandths in 0..<4000 { values.append(Double(thousandths) / 1000) }
        for hundredths in 0..<4000 { values.append(Double(hundredths) / 100 + 0.005) }
        for _ in 0..<5000 { values.append(Double.random(in: 0..<10_000, using: &random)) }
        for value in values {
            #expect(InsightFormat.format(value) == Self.referenceLatency(value), "\(value)")
            if value.isFinite, value < 1e12 {
                let tenths = Int(((value > 0 ? value : 0) * 10).rounded())
                let (minutes, rest) = (tenths / 600, tenths % 600)
                let twoDigits = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
                #expect(DurationText.offset(value) == "\(twoDigits(minutes)):\(twoDigits(rest / 10)).\(rest % 10)", "\(value)")
            }
        }
    }

    @Test("a slow turn's speaker is its role unless missing or blank, whatever its first byte", arguments: [
        nil, "", " ", "\u{A0}", "\u{2003}\u{3000}", "\t\n", "User", "Assistant", " User", "\u{A0}x", "é", "🙂", "A\u{301}", "~", "\u{7F}",
    ] as [String?])
    func speaker(_ role: String?) {
        let turn = SlowTurn(sessionID: nil, historyIndex: 0, itemID: nil, role: role, text: nil, offset: nil, overruns: [])
        #expect(LatencyContext.speaker(turn) == role.nonBlankText)
    }

    @Test("slow-turn text is cut by characters, whatever its bytes")
    func slowTurnShortening() {
        let limit = LatencyContext.maximumTextLength
        let accented = String(repeating: "e\u{301}", count: limit)
        #expect(LatencyContext.shortened(accented) == accented, "three bytes a character, but not too many characters")
        #expect(LatencyContext.shortened(accented + "🙂") == accented + "…")
        #expect(LatencyContext.shortened(String(repeating: "x", count: limit + 1)) == String(repeating: "x", count: limit) + "…")
    }

    @Test("links: plain URLs take the fast path, everything else the careful one", arguments: [
        ("https://x.example/a.ogg?x=1&y=2", "https://x.example/a.ogg?x=1&y=2"),
        ("  https://x.example/a b  ", "https://x.example/a%20b"),
        ("\u{A0}https://x.example/\u{A0}", "https://x.example/"),
        ("https://x.example/\u{A0}/", "https://x.example/%C2%A0/"),
        ("HTTPS://X.example/<a>|{b}", "https://X.example/%3Ca%3E%7C%7Bb%7D"),
        ("https://x.example/é", "https://x.example/%C3%A9"),
        ("https://x.example/\u{7F}", nil), ("https:///x", nil), ("javascript:alert(1)", nil), ("", nil),
        ("\nhttp://x.example\t", "http://x.example"),
    ] as [(String, String?)])
    func links(_ text: String, _ expected: String?) {
        #expect(WebLink.http(text) == expected)
    }

    @Test("transcript text is cut by characters, whatever its bytes")
    func shortening() throws {
        let limit = TranscriptLine.maximumTextLength
        // Each é is two bytes: more bytes than the limit, but not more characters.
        let accented = String(repeating: "é", count: limit)
        let item = HistoryItem(role: "User", content: accented, kind: "Message")
        let line = try #require(TranscriptLine.lines(of: Conversation(history: [item])).first)
        #expect(line.text == "User: " + accented)
        let long = HistoryItem(role: "User", content: accented + "éé", kind: "Message")
        let cut = try #require(TranscriptLine.lines(of: Conversation(history: [long])).first)
        #expect(cut.text == "User: " + accented + "… (2 more characters)")
    }
}
