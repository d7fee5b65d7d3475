import Foundation
import Testing
@testable import SpeakNodeReport

@Suite("A conversation's insights read its samples and slow turns from its transcript")
struct InsightsTranscriptReadingTests {
    typealias F = InsightsFixture

    let conversation = Conversation(sessionID: "s-1", startTime: F.start, history: [
        F.agent("slow", at: 1, e2e: 2.1, ttft: 0.4, ttfb: 0.2),
        F.user("fine", at: 5, eot: 0.3, transcription: 0.2),
        HistoryItem(role: "User", content: "no metrics", kind: "Message"),
        F.agent("fast", at: 9, e2e: 0.8),
        F.user("slow end of turn", at: 12, eot: 0.9),
    ])

    @Test("samples, slow turns, statistics and signals are those of copies of them")
    func sameAsCopies() {
        let read = Insights(conversation: conversation, budget: .default)
        let copied = Insights(
            samples: LatencySamples(LatencySamples(history: conversation.history).valuesByMetric),
            slowTurns: SlowTurn.all(in: conversation, budget: .default),
            signals: ConversationSignals(history: conversation.history)
        )
        #expect(read == copied)
        #expect(read.hashValue == copied.hashValue)
        #expect(read.latency == copied.latency)
        #expect(read.slowTurnCount == 2)
        #expect(read.slowTurns.map(\.historyIndex) == [0, 4])
        #expect(read.slowTurns(prefix: 1).map(\.historyIndex) == [0])
        #expect(read.samples.values(of: .e2eLatency) == [2.1, 0.8])
        #expect(read.samples.values(of: .endOfTurnDelay) == [0.3, 0.9])
        #expect(read.measuredMetrics == LatencyMetric.allCases)
        // Found again on every read: the same turns each time.
        #expect(read.slowTurns == read.slowTurns)
    }

    @Test("insights keep one pointer for their samples and slow turns, not the values")
    func compact() {
        #expect(MemoryLayout<LatencySamples>.size <= 8)
        #expect(MemoryLayout<Insights>.size <= 104)
    }

    @Test("a test of one attempt keeps that attempt's insights, with their statistics worked out")
    func singlePart() {
        let attempt = Insights(conversation: conversation, budget: .default)
        let test = Insights(combining: [attempt])
        #expect(test == attempt)
        #expect(test.slowTurns == attempt.slowTurns)
        #expect(test.statistics(of: .e2eLatency) == LatencyStatistics([2.1, 0.8]))
        #expect(test.measuredMetrics == LatencyMetric.allCases)
        let run = Insights(combining: [test, attempt])
        #expect(run.samples.values(of: .e2eLatency) == [2.1, 0.8, 2.1, 0.8])
        #expect(run.slowTurnCount == 4)
        #expect(run.statistics(of: .endOfTurnDelay) == LatencyStatistics([0.3, 0.9, 0.3, 0.9]))
    }

    @Test("values of every metric gathered at once are each metric's values, from transcripts and given sets alike")
    func gatheredAtOnce() {
        let transcript = LatencySamples(history: conversation.history)
        let given = LatencySamples([.ttsNodeTTFB: [0.5, 0.6], .transcriptionDelay: [0.1]])
        let joined = LatencySamples(joining: [transcript, given, LatencySamples(history: []), transcript])
        for samples in [transcript, given, joined] {
            let values = samples.valuesByMetricIndex()
            #expect(values.count == LatencyMetric.allCases.count)
            for metric in LatencyMetric.allCases { #expect(values[metric.index] == samples.values(of: metric)) }
        }
        #expect(joined.values(of: .ttsNodeTTFB) == [0.2, 0.5, 0.6, 0.2])
    }
}

@Suite("Statistics kept by metric")
struct LatencyStatisticsByMetricTests {
    @Test("each measured metric's statistics come back, whichever metrics were measured")
    func everySubset() {
        for mask in 0..<(1 << LatencyMetric.allCases.count) {
            var dictionary: [LatencyMetric: LatencyStatistics] = [:]
            for metric in LatencyMetric.allCases where mask & (1 << metric.index) != 0 {
                let index = Double(metric.index)
                dictionary[metric] = LatencyStatistics(count: metric.index + 1, p50: index, p90: index + 0.1, p95: index + 0.2, max: index + 1)
            }
            let table = LatencyStatisticsByMetric(dictionary)
            for metric in LatencyMetric.allCases { #expect(table[metric] == dictionary[metric]) }
            #expect(table.metrics == dictionary.keys.sorted())
            #expect(table.dictionary == dictionary)
            #expect(table.isEmpty == dictionary.isEmpty)
        }
        #expect(LatencyStatisticsByMetric() == LatencyStatisticsByMetric([:]))
    }
}
