import Foundation
import Testing
@testable import SpeakNodeReport

/// ``SlowTurn/forEachOverrun(_:)`` and ``SlowTurn/overrunCount``, which writers use instead of
/// building ``SlowTurn/overruns``, give what the list holds, for turns found and turns given.
@Suite("A slow turn's overruns, visited without the list")
struct SlowTurnOverrunVisitTests {
    @Test("found turns give the overruns their budget lists, of every metric, in metric order")
    func foundTurns() throws {
        let budget = try LatencyBudget(parsing: "e2e=1.5,ttft=1,ttfb=0.3,eot=0.7,transcription=2")
        let everyMetric = TurnMetrics(
            transcriptionDelay: 2.5, endOfTurnDelay: 0.8, llmNodeTTFT: 1.1, ttsNodeTTFB: 0.4, e2eLatency: 1.6)
        let some = TurnMetrics(transcriptionDelay: 2.5, llmNodeTTFT: 0.9, ttsNodeTTFB: 0.4)
        let conversation = Conversation(history: [
            HistoryItem(role: "Assistant", content: "every metric", metrics: everyMetric),
            HistoryItem(role: "User", content: "fine", metrics: TurnMetrics(e2eLatency: 1)),
            HistoryItem(role: "Assistant", content: "some", metrics: some),
        ])
        let turns = SlowTurn.all(in: conversation, budget: budget)
        #expect(turns.map(\.historyIndex) == [0, 2])
        for (turn, metrics) in zip(turns, [everyMetric, some]) {
            var visited: [BudgetOverrun] = []
            turn.forEachOverrun { visited.append($0) }
            #expect(visited == budget.overruns(in: metrics))
            #expect(visited == turn.overruns)
            #expect(turn.overrunCount == visited.count)
            for metric in LatencyMetric.allCases {
                #expect(turn.overrun(of: metric) == visited.first { $0.metric == metric })
            }
        }
        #expect(turns.first?.overrunCount == LatencyMetric.allCases.count)
    }

    @Test("given turns give their overruns as given")
    func givenTurns() {
        let given = [
            BudgetOverrun(metric: .transcriptionDelay, value: 3, budget: 2),
            BudgetOverrun(metric: .e2eLatency, value: 2, budget: 1.5),
        ]
        var turn = SlowTurn(sessionID: nil, historyIndex: 0, itemID: nil, role: nil, text: nil, offset: nil, overruns: given)
        var visited: [BudgetOverrun] = []
        turn.forEachOverrun { visited.append($0) }
        #expect(visited == given && turn.overrunCount == 2)
        turn.overruns = []
        turn.forEachOverrun { _ in Issue.record("no overruns") }
        #expect(turn.overrunCount == 0)
    }
}
