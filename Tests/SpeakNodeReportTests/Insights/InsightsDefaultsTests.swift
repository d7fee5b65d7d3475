import Testing
@testable import SpeakNodeReport

@Suite("Insights from the model's own initialisers")
struct InsightsDefaultsTests {
    typealias F = InsightsFixture

    @Test("an attempt built directly measures its conversation under the default budget")
    func attemptDefaults() {
        let conversation = Conversation(sessionID: "s", startTime: F.start, history: F.agentTurns(e2e: [1, 2]))
        let attempt = AttemptResult(conversation: conversation, outcome: .passed, message: "", reasons: [], type: nil)
        #expect(attempt.insights == Insights(conversation: conversation, budget: .default))
        #expect(attempt.insights.slowTurnCount == 1)
    }

    @Test("huge measurements stay finite when rounded")
    func hugeValues() throws {
        let statistics = try #require(LatencyStatistics([1e308])).rounded(toDecimals: 6)
        #expect(statistics.max == 1e308)
        #expect(isClose(1.23456789.rounded(toDecimals: 3), 1.235))
    }
}
