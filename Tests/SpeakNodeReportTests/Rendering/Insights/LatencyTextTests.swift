import Testing
@testable import SpeakNodeReport

@Suite("Latency text")
struct LatencyTextTests {
    @Test("Below a second in whole milliseconds, from a second on in seconds with up to two decimals")
    func latencies() {
        #expect(LatencyText.format(0.85) == "850 ms")
        #expect(LatencyText.format(0.0004) == "0 ms")
        #expect(LatencyText.format(0.9996) == "1 s", "rounding up to a second switches to seconds")
        #expect(LatencyText.format(1.234) == "1.23 s")
        #expect(LatencyText.format(1.5) == "1.5 s")
        #expect(LatencyText.format(1.05) == "1.05 s")
        #expect(LatencyText.format(12) == "12 s")
    }

    @Test("Unusable numbers never print as a latency")
    func unusable() {
        #expect(LatencyText.format(.nan) == "0 ms")
        #expect(LatencyText.format(-1) == "0 ms")
        #expect(LatencyText.format(.infinity) == "0 ms")
        #expect(LatencyText.format(1e15).hasSuffix(" s"), "absurd values do not overflow")
    }

    @Test("Shares, changes and chart coordinates")
    func shares() {
        #expect(LatencyText.percentage(0.2) == "20%")
        #expect(LatencyText.percentage(2.0 / 3.0) == "66.7%")
        #expect(LatencyText.change(0.25) == "+25%")
        #expect(LatencyText.change(-0.08) == "-8%")
        #expect(LatencyText.coordinate(12) == "12")
        #expect(LatencyText.coordinate(12.25) == "12.3")
        #expect(LatencyText.coordinate(-3.5) == "-3.5")
        #expect(LatencyText.coordinate(.nan) == "0")
    }
}
