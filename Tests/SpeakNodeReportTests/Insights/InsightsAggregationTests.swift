import Testing
@testable import SpeakNodeReport

@Suite("Insights of attempts, tests, runs and the whole input")
struct InsightsAggregationTests {
    typealias F = InsightsFixture

    /// run-a: test t1 with two attempts (e2e 1, 2 then 3, 4) and t2 (e2e 10); run-b: t3 (e2e 5).
    var report: Report {
        F.report([
            F.delivery(run: "run-a", test: "t1", session: "s1", history: F.agentTurns(e2e: [1, 2]), order: 0, line: 1),
            F.delivery(run: "run-a", test: "t1", session: "s2", history: F.agentTurns(e2e: [3, 4]), order: 1, line: 2),
            F.delivery(
                run: "run-a", test: "t2", session: "s3",
                history: F.agentTurns(e2e: [10]) + [F.toolCall("lookup", id: "c1")], order: 2, line: 3
            ),
            F.delivery(run: "run-b", test: "t3", session: "s4", history: F.agentTurns(e2e: [5]), order: 3, line: 4),
        ])
    }

    @Test("an attempt's statistics come from its own turns")
    func attempt() throws {
        let test = try #require(report.runs.first?.tests.first { $0.id == "t1" })
        let first = try #require(test.attempts.first?.insights.statistics(of: .e2eLatency))
        #expect(first.count == 2)
        #expect(isClose(first.p50, 1.5))
        #expect(first.max == 2)
        #expect(test.attempts.map(\.insights.slowTurnCount) == [1, 2])
    }

    @Test("a test pools every attempt's turns: [1, 2, 3, 4] gives p50 2.5, p90 3.7, p95 3.85")
    func test() throws {
        let test = try #require(report.runs.first?.tests.first { $0.id == "t1" })
        let statistics = try #require(test.insights.statistics(of: .e2eLatency))
        #expect(statistics.count == 4)
        #expect(isClose(statistics.p50, 2.5))
        #expect(isClose(statistics.p90, 3.7))
        #expect(isClose(statistics.p95, 3.85))
        #expect(statistics.max == 4)
        #expect(test.insights.slowTurnCount == 3)
        #expect(test.insights.slowTurns.map(\.sessionID) == ["s1", "s2", "s2"])
        #expect(test.insights.signals.turns == 4)
        #expect(test.insights.measuredMetrics == [.e2eLatency])
    }

    @Test("a run pools its tests' turns: [1, 2, 3, 4, 10] gives p50 3, p90 7.6, p95 8.8")
    func run() throws {
        let run = try #require(report.runs.first { $0.id == "run-a" })
        let statistics = try #require(run.insights.statistics(of: .e2eLatency))
        #expect(statistics.count == 5)
        #expect(isClose(statistics.p50, 3))
        #expect(isClose(statistics.p90, 7.6))
        #expect(isClose(statistics.p95, 8.8))
        #expect(statistics.max == 10)
        #expect(run.insights.slowTurnCount == 4)
        #expect(run.insights.signals.toolCalls == 1)
        #expect(run.insights.signals.toolNames == ["lookup"])
    }

    @Test("the report pools every run: [1, 2, 3, 4, 5, 10] gives p50 3.5")
    func overall() throws {
        let report = report
        let statistics = try #require(report.insights.statistics(of: .e2eLatency))
        #expect(statistics.count == 6)
        #expect(isClose(statistics.p50, 3.5))
        #expect(isClose(statistics.p90, 7.5))
        #expect(statistics.max == 10)
        #expect(report.insights.slowTurnCount == 5)
        #expect(report.insights.signals.turns == 6)
        #expect(report.insights.statistics(of: .llmNodeTTFT) == nil)
        #expect(report.budget == .default)
    }

    @Test("the evaluator's budget decides which turns are slow, at every level")
    func budget() throws {
        let lenient = try LatencyBudget(parsing: "e2e=4.5")
        let deliveries = [
            F.delivery(test: "t1", session: "s1", history: F.agentTurns(e2e: [1, 5]), line: 1),
            F.delivery(test: "t2", session: "s2", history: F.agentTurns(e2e: [2]), line: 2),
        ]
        let report = F.report(deliveries, evaluator: Evaluator(budget: lenient))
        #expect(report.insights.slowTurnCount == 1)
        #expect(report.budget == lenient)
        #expect(report.runs.first?.tests.map(\.insights.slowTurnCount) == [1, 0])
        #expect(F.report(deliveries).insights.slowTurnCount == 2)
    }
}
