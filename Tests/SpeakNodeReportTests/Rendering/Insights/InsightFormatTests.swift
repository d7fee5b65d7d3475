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
}
