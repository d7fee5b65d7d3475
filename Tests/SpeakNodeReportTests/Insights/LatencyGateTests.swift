import Testing
@testable import SpeakNodeReport

@Suite("Failing tests on latency")
struct LatencyGateTests {
    typealias F = InsightsFixture

    /// e2e [1.0, 1.2, 2.0]: p95 = 1.2 + 0.9 · 0.8 = 1.92, max 2.0.
    let slowAtP95 = F.agentTurns(e2e: [1.0, 1.2, 2.0])
    /// Nineteen turns of 1.0 s and one of 3.0 s: p95 = 1.0 + 0.05 · 2 = 1.1, max 3.0.
    let oneSlowTurn = F.agentTurns(e2e: Array(repeating: 1.0, count: 19) + [3.0])

    func test(_ history: [HistoryItem], eval: EvalResult? = F.passed, evaluator: Evaluator) throws -> (Report, TestResult) {
        let report = F.report([F.delivery(session: "s1", eval: eval, history: history, line: 1)], evaluator: evaluator)
        return (report, try #require(report.runs.first?.tests.first))
    }

    @Test("off by default: a slow test that passed still passes")
    func offByDefault() throws {
        let (report, test) = try test(slowAtP95, evaluator: Evaluator())
        #expect(test.outcome == .passed)
        #expect(test.latencyFailure == nil)
        #expect(report.latencyGate == nil)
    }

    @Test("p95 over budget fails a passing test, with a message naming metric, value and budget")
    func p95() throws {
        let (report, test) = try test(slowAtP95, evaluator: Evaluator(latencyGate: .p95))
        #expect(test.outcome == .failed)
        #expect(test.decidingAttempt.outcome == .passed)
        let failure = try #require(test.latencyFailure)
        #expect(failure.gate == .p95)
        #expect(failure.metric == .e2eLatency)
        #expect(isClose(failure.value, 1.92))
        #expect(failure.budget == 1.5)
        #expect(failure.message == "e2e_latency p95 1.92 s is over the budget of 1.5 s")
        #expect(report.totals.passed == 0)
        #expect(report.totals.failed == 1)
        #expect(!report.isSuccessful)
        #expect(report.latencyGate == .p95)
    }

    @Test("one slow turn fails on max but not on p95")
    func maxAndP95Differ() throws {
        #expect(try test(oneSlowTurn, evaluator: Evaluator(latencyGate: .p95)).1.outcome == .passed)
        let (_, onMax) = try test(oneSlowTurn, evaluator: Evaluator(latencyGate: .max))
        #expect(onMax.outcome == .failed)
        #expect(onMax.latencyFailure?.message == "e2e_latency max 3 s is over the budget of 1.5 s")
    }

    @Test("the budget decides: within a raised budget, or with no e2e budget, nothing fails")
    func budget() throws {
        let raised = try LatencyBudget(parsing: "e2e=2")
        #expect(try test(slowAtP95, evaluator: Evaluator(budget: raised, latencyGate: .p95)).1.outcome == .passed)
        #expect(try test(slowAtP95, evaluator: Evaluator(budget: raised, latencyGate: .max)).1.outcome == .passed)
        let none = try LatencyBudget(parsing: "e2e=off")
        #expect(try test(slowAtP95, evaluator: Evaluator(budget: none, latencyGate: .max)).1.outcome == .passed)
    }

    @Test("a test that already failed keeps its own failure; one without measurements passes")
    func onlyPassesChange() throws {
        let (_, failed) = try test(slowAtP95, eval: F.failed(["Wrong date"]), evaluator: Evaluator(latencyGate: .p95))
        #expect(failed.outcome == .failed)
        #expect(failed.latencyFailure == nil)
        let (_, unmeasured) = try test([F.agent("no metrics")], evaluator: Evaluator(latencyGate: .max))
        #expect(unmeasured.outcome == .passed)
    }

    @Test("the gate looks at all attempts of a test together")
    func allAttempts() throws {
        let report = F.report([
            F.delivery(session: "s1", eval: F.passed, history: F.agentTurns(e2e: [3.0]), order: 0, line: 1),
            F.delivery(session: "s2", eval: F.passed, history: F.agentTurns(e2e: [1.0]), order: 1, line: 2),
        ], evaluator: Evaluator(latencyGate: .max))
        let test = try #require(report.runs.first?.tests.first)
        #expect(test.outcome == .failed)
        #expect(test.latencyFailure?.value == 3)
    }
}
