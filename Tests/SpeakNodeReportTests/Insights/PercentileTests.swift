import Testing
@testable import SpeakNodeReport

@Suite("Percentiles and latency statistics")
struct PercentileTests {
    @Test("interpolates between closest ranks: rank = p·(n−1)")
    func fourValues() {
        let values: [Double] = [1, 2, 3, 4]
        #expect(isClose(Percentile.inclusive(0.5, ofSorted: values), 2.5))
        #expect(isClose(Percentile.inclusive(0.9, ofSorted: values), 3.7))
        #expect(isClose(Percentile.inclusive(0.95, ofSorted: values), 3.85))
        #expect(Percentile.inclusive(0, ofSorted: values) == 1)
        #expect(Percentile.inclusive(1, ofSorted: values) == 4)
    }

    @Test("one to ten: p50 5.5, p90 9.1, p95 9.55")
    func tenValues() {
        let values = (1...10).map(Double.init)
        #expect(isClose(Percentile.inclusive(0.5, ofSorted: values), 5.5))
        #expect(isClose(Percentile.inclusive(0.9, ofSorted: values), 9.1))
        #expect(isClose(Percentile.inclusive(0.95, ofSorted: values), 9.55))
    }

    @Test("an exact rank takes the value itself; a single value is every percentile")
    func exactRanks() {
        #expect(Percentile.inclusive(0.5, ofSorted: [1, 2, 3]) == 2)
        #expect(Percentile.inclusive(0.95, ofSorted: [0.8]) == 0.8)
        #expect(isClose(Percentile.inclusive(0.95, ofSorted: [1, 3]), 2.9))
    }

    @Test("values in any order are sorted first; no values give no percentile")
    func unsortedAndEmpty() {
        #expect(isClose(Percentile.inclusive(0.9, of: [4, 1, 3, 2]), 3.7))
        #expect(Percentile.inclusive(0.5, ofSorted: []) == nil)
        #expect(Percentile.inclusive(.nan, ofSorted: [1]) == nil)
    }

    @Test("statistics: count, p50, p90, p95 and max of the values")
    func statistics() throws {
        let statistics = try #require(LatencyStatistics([3, 1, 4, 2]))
        #expect(statistics.count == 4)
        #expect(isClose(statistics.p50, 2.5))
        #expect(isClose(statistics.p90, 3.7))
        #expect(isClose(statistics.p95, 3.85))
        #expect(statistics.max == 4)
        #expect(LatencyStatistics([]) == nil)
    }

    @Test("rounding removes floating-point noise")
    func rounding() throws {
        let statistics = try #require(LatencyStatistics([1, 2, 3, 4])).rounded(toDecimals: 6)
        #expect(statistics.p90 == 3.7)
        #expect(statistics.p95 == 3.85)
    }

    @Test("samples leave out turns that did not measure a metric: missing, 0, negative or not finite")
    func samplesLeaveOutUnmeasured() {
        typealias F = InsightsFixture
        let samples = LatencySamples(history: [
            F.agent("a", e2e: 1.2, ttft: 0),
            F.agent("b", e2e: nil, ttft: 0.6),
            F.agent("c", e2e: -1, ttft: .nan),
            F.agent("d", e2e: .infinity),
            F.user("e", eot: 0.4, transcription: 0.2),
            HistoryItem(role: "System", content: "instructions", kind: "Message"),
        ])
        #expect(samples.values(of: .e2eLatency) == [1.2])
        #expect(samples.values(of: .llmNodeTTFT) == [0.6])
        #expect(samples.values(of: .ttsNodeTTFB) == [])
        #expect(samples.values(of: .endOfTurnDelay) == [0.4])
        #expect(samples.values(of: .transcriptionDelay) == [0.2])
        #expect(samples.statistics[.ttsNodeTTFB] == nil)
    }

    @Test("metrics carry the payload's names and --budget keys")
    func metricNames() {
        #expect(LatencyMetric.allCases.map(\.payloadName) == [
            "e2e_latency", "llm_node_ttft", "tts_node_ttfb", "end_of_turn_delay", "transcription_delay",
        ])
        #expect(LatencyMetric.allCases.map(\.budgetKey) == ["e2e", "ttft", "ttfb", "eot", "transcription"])
        #expect(LatencyMetric.allCases.sorted() == LatencyMetric.allCases)
    }
}
