import Foundation
import Testing
@testable import SpeakNodeReport

@Suite("Slow turns found in a transcript read back as if they stored their values")
struct SlowTurnStorageTests {
    typealias F = InsightsFixture

    let conversation = Conversation(
        sessionID: "s-7", startTime: F.start,
        history: [
            F.agent("fine", at: 1, e2e: 0.4),
            HistoryItem(role: "Assistant", content: "slow on two metrics", kind: "Message", id: "item-1",
                        metrics: TurnMetrics(startedSpeakingAt: F.at(4.5), llmNodeTTFT: 1.2, e2eLatency: 2.5)),
            F.user("slow end of turn", at: 9, eot: 0.9, transcription: 3),
        ]
    )

    /// Each slow turn as ``SlowTurn/init(item:at:in:budget:)`` makes it: from given values.
    func given(budget: LatencyBudget) -> [SlowTurn] {
        conversation.history.indices.compactMap { index in
            SlowTurn(item: conversation.history[index], at: index, in: conversation, budget: budget)
        }
    }

    @Test("every value, the overruns and each overrun equal those of a turn made from given values")
    func sameValues() throws {
        let budget = try LatencyBudget(parsing: "e2e=1.5,ttft=1,transcription=2")
        let found = SlowTurn.all(in: conversation, budget: budget)
        let expected = given(budget: budget)
        #expect(found.count == 2)
        #expect(found == expected)
        #expect(found.map(\.hashValue) == expected.map(\.hashValue))
        for (turn, other) in zip(found, expected) {
            #expect(turn.sessionID == other.sessionID)
            #expect(turn.historyIndex == other.historyIndex)
            #expect(turn.itemID == other.itemID)
            #expect(turn.role == other.role)
            #expect(turn.text == other.text)
            #expect(turn.offset == other.offset)
            #expect(turn.overruns == other.overruns)
            for metric in LatencyMetric.allCases {
                #expect(turn.overrun(of: metric) == other.overrun(of: metric))
            }
        }
        let first = try #require(found.first)
        #expect(first.itemID == "item-1")
        #expect(first.offset == 4.5)
        #expect(first.overruns == [
            BudgetOverrun(metric: .e2eLatency, value: 2.5, budget: 1.5),
            BudgetOverrun(metric: .llmNodeTTFT, value: 1.2, budget: 1),
        ])
        // Parsed budgets keep the defaults of metrics they do not name (end of turn: 0.7 s).
        #expect(found.last?.overruns == [
            BudgetOverrun(metric: .endOfTurnDelay, value: 0.9, budget: 0.7),
            BudgetOverrun(metric: .transcriptionDelay, value: 3, budget: 2),
        ])
    }

    @Test("changing a value changes that value of this copy only")
    func valueSemantics() throws {
        let original = try #require(SlowTurn.all(in: conversation, budget: .default).first)
        var changed = original
        changed.text = "edited"
        #expect(changed.text == "edited")
        #expect(changed.role == original.role)
        #expect(changed.overruns == original.overruns)
        #expect(changed.offset == original.offset)
        #expect(original.text == "slow on two metrics")
        #expect(changed != original)
        changed.text = original.text
        #expect(changed == original)
        #expect(changed.hashValue == original.hashValue)
        changed.overruns = []
        #expect(changed.overrun(of: .e2eLatency) == nil)
        #expect(original.overrun(of: .e2eLatency)?.value == 2.5)
    }

    @Test("turns of different conversations or budgets differ; equal values are equal however stored")
    func equality() throws {
        let turns = SlowTurn.all(in: conversation, budget: .default)
        #expect(turns[0] != turns[1])
        let again = SlowTurn.all(in: conversation, budget: .default)
        #expect(turns == again)
        let higher = SlowTurn.all(in: conversation, budget: try LatencyBudget(parsing: "e2e=2"))
        #expect(higher.count == 2)
        #expect(higher[0] != turns[0])
        #expect(higher[1] == turns[1])
    }

    @Test("a slow turn takes 16 bytes, whatever it overran")
    func compact() {
        #expect(MemoryLayout<SlowTurn>.size <= 16)
    }
}

@Suite("Latency samples are stored compactly and read back the same")
struct LatencySamplesStorageTests {
    typealias F = InsightsFixture

    @Test("values by metric come back as given; empty metrics have no entry")
    func roundTrip() {
        let values: [LatencyMetric: [Double]] = [.e2eLatency: [1, 2, 3], .transcriptionDelay: [0.5], .llmNodeTTFT: []]
        let samples = LatencySamples(values)
        #expect(samples.valuesByMetric == [.e2eLatency: [1, 2, 3], .transcriptionDelay: [0.5]])
        #expect(samples.values(of: .llmNodeTTFT) == [])
        #expect(samples == LatencySamples([.transcriptionDelay: [0.5], .e2eLatency: [1, 2, 3]]))
        #expect(samples != LatencySamples([.e2eLatency: [1, 2], .transcriptionDelay: [3, 0.5]]))
        #expect(LatencySamples() == LatencySamples([.ttsNodeTTFB: []]))
    }

    @Test("samples of a transcript equal those given by metric, and joining keeps each metric's order")
    func historyAndJoining() {
        let first = LatencySamples(history: [
            F.agent("a", e2e: 1.2, ttft: 0.5), F.user("b", eot: 0.3), F.agent("c", e2e: 0.9, ttfb: 0.2),
        ])
        let second = LatencySamples(history: [F.agent("d", e2e: 2), F.user("e", eot: 0.8, transcription: 0.1)])
        #expect(first == LatencySamples([.e2eLatency: [1.2, 0.9], .llmNodeTTFT: [0.5], .ttsNodeTTFB: [0.2], .endOfTurnDelay: [0.3]]))
        let joined = LatencySamples(joining: [first, LatencySamples(), second])
        #expect(joined.valuesByMetric == [
            .e2eLatency: [1.2, 0.9, 2], .llmNodeTTFT: [0.5], .ttsNodeTTFB: [0.2], .endOfTurnDelay: [0.3, 0.8],
            .transcriptionDelay: [0.1],
        ])
        #expect(first + second == joined)
        #expect((first + second).hashValue == joined.hashValue)
    }

    @Test("statistics of combined insights equal those of every value sorted")
    func combinedStatistics() throws {
        var generator = SystemRandomNumberGenerator()
        let parts = (0..<7).map { part in
            let e2e = (0..<(part * 13 + 1)).map { _ in Double.random(in: 0.1...4, using: &generator) }
            return Insights(conversation: Conversation(history: F.agentTurns(e2e: e2e)), budget: .default)
        }
        let combined = Insights(combining: [Insights(combining: Array(parts.prefix(3))), Insights(combining: Array(parts.dropFirst(3)))])
        let all = parts.flatMap { $0.samples.values(of: .e2eLatency) }.sorted()
        let statistics = try #require(combined.statistics(of: .e2eLatency))
        #expect(statistics.count == all.count)
        #expect(statistics.p50 == Percentile.inclusive(0.5, ofSorted: all))
        #expect(statistics.p90 == Percentile.inclusive(0.9, ofSorted: all))
        #expect(statistics.p95 == Percentile.inclusive(0.95, ofSorted: all))
        #expect(statistics.max == all.last)
        #expect(combined.statistics(of: .llmNodeTTFT) == nil)
    }
}
