import Testing
@testable import SpeakNodeReport

@Suite("Combined insights keep their parts")
struct InsightsStorageTests {
    typealias F = InsightsFixture

    func conversation(_ session: String, e2e: [Double], eot: Double? = nil) -> Insights {
        var history = F.agentTurns(e2e: e2e)
        if let eot { history.append(F.user("and then", at: 100, eot: eot)) }
        return Insights(conversation: Conversation(sessionID: session, startTime: F.start, history: history), budget: .default)
    }

    @Test("samples and slow turns come back in order, as if they had been copied")
    func order() {
        let first = conversation("s1", e2e: [1, 2], eot: 0.9)
        let second = conversation("s2", e2e: [3])
        let third = conversation("s3", e2e: [0.5, 4])
        let test = Insights(combining: [first, second])
        let run = Insights(combining: [test, Insights(combining: [third])])
        let report = Insights(combining: [run])

        #expect(report.samples.values(of: .e2eLatency) == [1, 2, 3, 0.5, 4])
        #expect(report.samples.values(of: .endOfTurnDelay) == [0.9])
        #expect(report.slowTurns.map(\.sessionID) == ["s1", "s1", "s2", "s3"])
        #expect(report.slowTurnCount == 4)
        #expect(report.slowTurns == first.slowTurns + second.slowTurns + third.slowTurns)
        #expect(report.signals == first.signals + second.signals + third.signals)
    }

    @Test("combined insights equal insights built from the joined samples and slow turns")
    func equality() {
        let parts = [conversation("s1", e2e: [1, 2]), conversation("s2", e2e: [3, 1.7], eot: 0.2)]
        let combined = Insights(combining: parts)
        let copied = Insights(
            samples: parts.map(\.samples).reduce(LatencySamples(), +),
            slowTurns: parts.flatMap(\.slowTurns),
            signals: parts.map(\.signals).reduce(ConversationSignals(), +)
        )
        #expect(combined == copied)
        #expect(combined.hashValue == copied.hashValue)
        #expect(combined.latency == copied.latency)
        #expect(combined.statistics(of: .endOfTurnDelay) == LatencyStatistics([0.2]))
        #expect(Insights(combining: []) == Insights())
    }

    @Test("a conversation's statistics follow its samples; set statistics stay as set")
    func conversationStatistics() throws {
        var insights = conversation("s1", e2e: [1, 2, 3])
        #expect(insights.latency == insights.samples.statistics)
        #expect(insights.statistics(of: .e2eLatency)?.p50 == 2)
        #expect(insights.measuredMetrics == [.e2eLatency])
        insights.latency = [:]
        #expect(insights.statistics(of: .e2eLatency) == nil)
        #expect(insights.measuredMetrics.isEmpty)
    }

    @Test("setting slow turns or samples replaces what the parts held")
    func setting() {
        var combined = Insights(combining: [conversation("s1", e2e: [2]), conversation("s2", e2e: [3])])
        combined.slowTurns = Array(combined.slowTurns.prefix(1))
        #expect(combined.slowTurnCount == 1)
        #expect(combined.samples.values(of: .e2eLatency) == [2, 3])
        combined.samples = LatencySamples([.e2eLatency: [9]])
        #expect(combined.samples.values(of: .e2eLatency) == [9])
        #expect(combined.slowTurns.map(\.sessionID) == ["s1"])
    }

    @Test("the first slow turns of combined insights are gathered from the first parts only")
    func prefix() {
        let first = conversation("s1", e2e: [2, 3])
        let second = conversation("s2", e2e: [4])
        let third = conversation("s3", e2e: [5, 6])
        let report = Insights(combining: [Insights(combining: [first, second]), Insights(combining: [third])])
        for limit in 0...6 {
            #expect(report.slowTurns(prefix: limit) == Array(report.slowTurns.prefix(limit)))
        }
        #expect(first.slowTurns(prefix: 1).map(\.historyIndex) == [0])
    }
}
