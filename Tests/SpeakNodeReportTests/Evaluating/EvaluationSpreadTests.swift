import Foundation
import Testing
@testable import SpeakNodeReport

/// The evaluator evaluates the tests of all runs in one list spread over the cores, then puts
/// each run together: the report must be the one that evaluating run by run gives.
@Suite("Evaluator: the tests of all runs are evaluated together")
struct EvaluationSpreadTests {
    typealias F = InsightsFixture

    /// Runs of different sizes, tests with one to three attempts, each with a few measured turns.
    func deliveries(runs: Int) -> [Delivery] {
        var generator = SeededGenerator(seed: 11)
        var deliveries: [Delivery] = []
        for run in 0..<runs {
            for test in 0..<(run * 7 + 1) {
                for attempt in 0..<(test % 3 + 1) {
                    let e2e = (0..<(attempt + test % 5 + 1)).map { _ in Double.random(in: 0.2...3, using: &generator) }
                    let eot = Double.random(in: 0.1...1.2, using: &generator)
                    deliveries.append(F.delivery(
                        run: "run-\(run)", test: "test-\(test)", session: "s-\(run)-\(test)-\(attempt)",
                        eval: attempt % 2 == 0 ? F.passed : F.failed(["slow"]),
                        history: F.agentTurns(e2e: e2e) + [F.user("yes", at: 100, eot: eot)],
                        order: Double(attempt), line: deliveries.count + 1
                    ))
                }
            }
        }
        return deliveries
    }

    @Test("runs are those evaluated one by one, and the report's insights those of its runs", arguments: [1, 2, 5, 9])
    func sameAsRunByRun(runs: Int) throws {
        let collection = Collector().collect(deliveries(runs: runs))
        let evaluator = Evaluator(latencyGate: .p95)
        let report = evaluator.evaluate(collection)
        #expect(report.runs == collection.runs.map { evaluator.evaluate($0) }.sorted(by: Evaluator.isEarlier))
        #expect(report.runs.count == runs)
        let combined = Insights(combining: report.runs.map(\.insights))
        #expect(report.insights == combined)
        #expect(report.insights.latency == combined.latency)
        #expect(report.insights.measuredMetrics == [.e2eLatency, .endOfTurnDelay])
    }
}
