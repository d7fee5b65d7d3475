import Foundation
import Testing
@testable import SpeakNodeReport

@Suite("Slow turns")
struct SlowTurnTests {
    typealias F = InsightsFixture

    func conversation(_ history: [HistoryItem], start: Date? = F.start, joined: Date? = nil) -> Conversation {
        Conversation(sessionID: "s-1", startTime: start, agentJoinedAt: joined, history: history)
    }

    @Test("a turn over budget is listed with its offset from the start, text and overruns")
    func listed() throws {
        let history = [
            F.agent("Hi, what can I get you?", at: 2, e2e: 0.9),
            F.user("A large pepperoni", at: 5, eot: 0.5),
            F.agent("One large pepperoni, 35 minutes.", at: 13.24, e2e: 1.89, ttfb: 0.3),
        ]
        let slow = SlowTurn.all(in: conversation(history), budget: .default)
        let turn = try #require(slow.first)
        #expect(slow.count == 1)
        #expect(turn.sessionID == "s-1")
        #expect(turn.historyIndex == 2)
        #expect(turn.role == "Assistant")
        #expect(turn.text == "One large pepperoni, 35 minutes.")
        #expect(isClose(turn.offset, 13.24, tolerance: 1e-6))
        #expect(turn.overruns == [BudgetOverrun(metric: .e2eLatency, value: 1.89, budget: 1.5)])
        #expect(turn.overrun(of: .e2eLatency)?.value == 1.89)
        #expect(turn.overrun(of: .ttsNodeTTFB) == nil)
    }

    @Test("exactly on budget is not slow; a user turn can be slow by its end-of-turn delay")
    func boundaries() {
        let history = [
            F.agent("on budget", at: 1, e2e: 1.5, ttft: 1.0, ttfb: 0.35),
            F.user("slow to end", at: 4, eot: 0.71, transcription: 5),
        ]
        let slow = SlowTurn.all(in: conversation(history), budget: .default)
        #expect(slow.map(\.text) == ["slow to end"])
        #expect(slow.first?.overruns.map(\.metric) == [.endOfTurnDelay])
    }

    @Test("the budget decides: a raised e2e budget clears a turn, a transcription budget adds one")
    func budgetDecides() throws {
        let history = [F.agent("reply", at: 1, e2e: 1.89), F.user("question", at: 4, transcription: 1.2)]
        let custom = try LatencyBudget(parsing: "e2e=2,transcription=1")
        let slow = SlowTurn.all(in: conversation(history), budget: custom)
        #expect(slow.map(\.text) == ["question"])
        #expect(slow.first?.overruns == [BudgetOverrun(metric: .transcriptionDelay, value: 1.2, budget: 1)])
    }

    @Test("the offset starts at agent_joined_at without start_time, and is unknown without either")
    func offsets() throws {
        let turn = F.agent("late", at: 30, e2e: 2)
        let joined = try #require(SlowTurn.all(in: conversation([turn], start: nil, joined: F.at(10)), budget: .default).first)
        #expect(isClose(joined.offset, 20))
        let unknown = try #require(SlowTurn.all(in: conversation([turn], start: nil), budget: .default).first)
        #expect(unknown.offset == nil)
    }

    @Test("without started_speaking_at the offset runs to the item's created_at")
    func createdAtFallback() throws {
        let item = HistoryItem(role: "Assistant", content: "x", kind: "Message", createdAt: F.at(7), metrics: TurnMetrics(e2eLatency: 3))
        let turn = try #require(SlowTurn.all(in: conversation([item]), budget: .default).first)
        #expect(isClose(turn.offset, 7))
    }
}
