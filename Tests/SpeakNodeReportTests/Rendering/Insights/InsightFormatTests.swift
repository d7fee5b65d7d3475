import Testing
@testable import SpeakNodeReport

@Suite("Insight number formatting")
struct InsightFormatTests {
    @Test("Below a second in whole milliseconds, from a second on in seconds with up to two decimals")
    func latencies() {
        #expect(InsightFormat.format(0.85) == "850 ms")
        #expect(InsightFormat.format(0.0004) == "0 ms")
        #expect(InsightFormat.format(0.9996) == "1 s", "rounding up to a second switches to seconds")
        #expect(InsightFormat.format(1.234) == "1.23 s")
        #expect(InsightFormat.format(1.5) == "1.5 s")
        #expect(InsightFormat.format(1.05) == "1.05 s")
        #expect(InsightFormat.format(12) == "12 s")
    }

    @Test("Rounding boundaries: milliseconds up to 999, then seconds; trailing zeros dropped")
    func boundaries() {
        #expect(InsightFormat.format(0) == "0 ms")
        #expect(InsightFormat.format(0.0005) == "1 ms")
        #expect(InsightFormat.format(0.9994) == "999 ms")
        #expect(InsightFormat.format(0.9995) == "1 s", "999.5 ms rounds to a whole second")
        #expect(InsightFormat.format(1.005) == "1 s", "1.005 is 1.00499… in binary")
        #expect(InsightFormat.format(1.006) == "1.01 s")
        #expect(InsightFormat.format(59.95) == "59.95 s")
        #expect(InsightFormat.format(59.995) == "60 s")
        #expect(InsightFormat.format(10.1) == "10.1 s")
        #expect(InsightFormat.format(100.05) == "100.05 s")
        #expect(InsightFormat.format(1e12) == "1000000000000.0 s", "beyond a trillion seconds as Swift prints it")
        #expect(InsightFormat.format(999_999_999.99) == "999999999.99 s")
        #expect(InsightFormat.format(-0.0) == "0 ms")
        #expect(InsightFormat.format(-.infinity) == "0 ms")
    }

    @Test("Written as bytes, a latency is the text format gives", arguments: [
        0, 0.0004, 0.85, 0.9995, 1.05, 59.995, 999_999_999.99, 1e9, 1e12, 1.7976931348623157e308, -1, .nan, .infinity,
    ])
    func writtenAsBytes(seconds: Double) {
        let written = ASCIIText.withBytes(capacity: InsightFormat.maximumLength) { text in
            InsightFormat.write(seconds, into: &text)
        } then: { String(decoding: $0, as: UTF8.self) }
        #expect(written == InsightFormat.format(seconds))
    }

    @Test("Every latency reads as formatting by strings gave it")
    func sameAsStringFormatting() {
        var values: [Double] = [0, 0.0004, 0.0005, 0.5, 0.9994, 0.9995, 0.9996, 1, 1.005, 1.05, 1.5, 9.995, 59.95, 99.999, 1234.5]
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<20_000 {
            values.append(Double.random(in: 0..<120, using: &generator))
            values.append(Double(Int.random(in: 0...200_000, using: &generator)) / 1000)
            values.append(Double.random(in: 0..<1e11, using: &generator))
        }
        for value in values {
            #expect(InsightFormat.format(value) == Self.formattedByStrings(value), "\(value)")
        }
    }

    /// How ``InsightFormat/format(_:)`` put the text together from strings.
    static func formattedByStrings(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds > 0 else { return "0 ms" }
        guard seconds < 1e12 else { return "\(seconds) s" }
        let milliseconds = Int64((seconds * 1000).rounded())
        if milliseconds < 1000 { return "\(milliseconds) ms" }
        let (whole, hundredths) = Int64((seconds * 100).rounded()).quotientAndRemainder(dividingBy: 100)
        if hundredths == 0 { return "\(whole) s" }
        let decimals = hundredths % 10 == 0 ? String(hundredths / 10) : (hundredths < 10 ? "0" : "") + String(hundredths)
        return "\(whole).\(decimals) s"
    }

    @Test("Unusable numbers never print as a latency")
    func unusable() {
        #expect(InsightFormat.format(.nan) == "0 ms")
        #expect(InsightFormat.format(-1) == "0 ms")
        #expect(InsightFormat.format(.infinity) == "0 ms")
        #expect(InsightFormat.format(1e15).hasSuffix(" s"), "absurd values do not overflow")
    }

    @Test("Shares, changes and chart coordinates")
    func shares() {
        #expect(InsightFormat.percentage(0.2) == "20%")
        #expect(InsightFormat.percentage(2.0 / 3.0) == "66.7%")
        #expect(InsightFormat.change(0.25) == "+25%")
        #expect(InsightFormat.change(-0.08) == "-8%")
        #expect(InsightFormat.coordinate(12) == "12")
        #expect(InsightFormat.coordinate(12.25) == "12.3")
        #expect(InsightFormat.coordinate(-3.5) == "-3.5")
        #expect(InsightFormat.coordinate(.nan) == "0")
    }

    @Test("Clipped text is trimmed like Foundation trims it, then cut by characters", arguments: [
        "", " ", "name", " name ", "\tname\n", "\u{A0}name\u{2003}", "name\u{301}", "é", "a b", "\u{FEFF}x", "x\u{85}",
        String(repeating: "é", count: 10), String(repeating: "e\u{301}", count: 11), String(repeating: "x", count: 11) + " ",
        " " + String(repeating: "🙂", count: 12), "\u{200B}zero width\u{200B}", "\u{2028}x\u{3000}", "\u{1680}x\u{202F}",
        "\r\n", " \u{301}x", "x \u{301}",
    ])
    func clipped(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(text.trimmedOfWhitespace == trimmed)
        let expected = trimmed.count > 10 ? String(trimmed.prefix(9)) + "…" : trimmed
        #expect(InsightFormat.clipped(text, to: 10) == expected)
    }
}
