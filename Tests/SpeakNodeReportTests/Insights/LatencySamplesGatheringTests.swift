import Testing
@testable import SpeakNodeReport

@Suite("Latency samples gathered for statistics, every metric in one pass")
struct LatencySamplesGatheringTests {
    typealias F = InsightsFixture

    @Test("counts and values by metric index are those of each metric, stored or joined")
    func gathering() {
        let first = LatencySamples(history: [
            F.agent("a", e2e: 1.2, ttft: 0.5), F.user("b", eot: 0.3), F.agent("c", e2e: 0.9, ttfb: 0.2),
        ])
        let second = LatencySamples(history: [F.agent("d", e2e: 2), F.user("e", eot: 0.8, transcription: 0.1)])
        let joined = LatencySamples(joining: [first, LatencySamples(), LatencySamples(joining: [second, first])])
        for samples in [first, second, joined, LatencySamples()] {
            let values = samples.valuesByMetricIndex()
            #expect(values.count == LatencyMetric.allCases.count)
            for metric in LatencyMetric.allCases {
                #expect(values[metric.index] == samples.values(of: metric))
                #expect(samples.counts[metric.index] == samples.count(of: metric))
            }
            #expect((LatencyMetric.allCases.count..<8).allSatisfy { samples.counts[$0] == 0 })
        }
    }

    @Test("statistics of every metric are those of each metric's values")
    func statistics() throws {
        let samples = LatencySamples(joining: [
            LatencySamples([.e2eLatency: [3, 1, 2], .endOfTurnDelay: [0.4]]),
            LatencySamples([.e2eLatency: [0.5], .transcriptionDelay: [0.2, 0.1]]),
        ])
        #expect(samples.statistics == [
            .e2eLatency: try #require(LatencyStatistics([3, 1, 2, 0.5])),
            .endOfTurnDelay: try #require(LatencyStatistics([0.4])),
            .transcriptionDelay: try #require(LatencyStatistics([0.2, 0.1])),
        ])
    }

    @Test("samples measured from a transcript are stored as samples given metric by metric are")
    func measuredFromHistory() {
        let history = [
            F.user("a", eot: 0.3, transcription: 0.1), F.agent("b", e2e: 1.2, ttft: 0.5, ttfb: 0.2),
            HistoryItem(role: "User", content: "no metrics", kind: "Message"),
            F.agent("c", e2e: 0.9), F.user("d", eot: 0.8), F.agent("e", e2e: 2, ttft: 0.7),
        ]
        let measured = LatencySamples(history: history)
        let given = LatencySamples([
            .e2eLatency: [1.2, 0.9, 2], .llmNodeTTFT: [0.5, 0.7], .ttsNodeTTFB: [0.2],
            .endOfTurnDelay: [0.3, 0.8], .transcriptionDelay: [0.1],
        ])
        // Equal stored samples have the same layout as well as the same values.
        #expect(measured == given)
        #expect(LatencySamples(history: []) == LatencySamples())
        #expect(LatencyMetric.allCases.allSatisfy { LatencySamples(history: []).count(of: $0) == 0 })
    }
}
