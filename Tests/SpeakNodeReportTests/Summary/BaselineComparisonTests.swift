import Foundation
import Testing
@testable import SpeakNodeReport

@Suite("Baseline comparison")
struct BaselineComparisonTests {
    typealias F = InsightsFixture

    /// A test entry with an outcome and, when given, an e2e p95.
    func test(_ id: String, _ outcome: Outcome, p95: Double? = nil) -> SummaryDocument.Test {
        let latency = p95.map { ["e2e_latency": LatencyStatistics(count: 10, p50: $0 / 2, p90: $0, p95: $0, max: $0)] } ?? [:]
        return SummaryDocument.Test(
            id: id, name: "Name of \(id)", outcome: outcome.rawValue,
            counts: SummaryCounts(tests: 1, passed: 0, failed: 0, errors: 0, skipped: 0, flaky: 0, attempts: 1),
            duration: 0, passRate: nil, slowTurns: 0, latency: latency
        )
    }

    func run(_ id: String, name: String? = nil, p95: Double? = nil, _ tests: [SummaryDocument.Test]) -> SummaryDocument.Run {
        let latency = p95.map { ["e2e_latency": LatencyStatistics(count: 10, p50: $0 / 2, p90: $0, p95: $0, max: $0)] } ?? [:]
        return SummaryDocument.Run(
            id: id, name: name, outcome: nil,
            counts: SummaryCounts(tests: tests.count, passed: 0, failed: 0, errors: 0, skipped: 0, flaky: 0, attempts: tests.count),
            duration: 0, passRate: nil, slowTurns: 0, latency: latency, tests: tests
        )
    }

    func document(_ runs: [SummaryDocument.Run]) -> SummaryDocument {
        SummaryDocument(
            outcome: nil, counts: SummaryCounts(tests: 0, passed: 0, failed: 0, errors: 0, skipped: 0, flaky: 0, attempts: 0),
            duration: 0, passRate: nil, slowTurns: 0, latency: [:], budget: [:], latencyGate: nil, runs: runs
        )
    }

    /// Yesterday's CI run: its run id differs from today's, its campaign name does not.
    var baseline: SummaryDocument {
        document([
            run("yesterday", name: "Nightly", p95: 1.0, [
                test("fixed", .failed), test("broken", .passed), test("still", .error), test("same", .passed),
                test("gone", .failed), test("slower", .passed, p95: 1.0), test("jitter", .passed, p95: 1.0),
                test("skipped-now", .failed),
            ]),
            run("adhoc-1", p95: 1.0, [test("adhoc", .passed, p95: 1.0)]),
        ])
    }

    var current: SummaryDocument {
        document([
            run("today", name: "Nightly", p95: 1.25, [
                test("fixed", .passed), test("broken", .failed), test("still", .failed), test("same", .passed),
                test("new", .failed), test("slower", .passed, p95: 1.3), test("jitter", .passed, p95: 1.1),
                test("skipped-now", .skipped),
            ]),
            run("adhoc-2", p95: 5.0, [test("adhoc", .passed, p95: 1.0)]),
        ])
    }

    @Test("tests are sorted into new failures, fixed, still failing, new and removed by test id")
    func outcomes() {
        let comparison = BaselineComparison(baseline: baseline, current: current)
        #expect(comparison.newFailures == [ComparedTest(id: "broken", name: "Name of broken", outcome: .failed, baselineOutcome: .passed)])
        #expect(comparison.fixedTests == [ComparedTest(id: "fixed", name: "Name of fixed", outcome: .passed, baselineOutcome: .failed)])
        #expect(comparison.stillFailing == [ComparedTest(id: "still", name: "Name of still", outcome: .failed, baselineOutcome: .error)])
        #expect(comparison.newTests == [ComparedTest(id: "new", name: "Name of new", outcome: .failed, baselineOutcome: nil)])
        // Failed before and skipped now is neither fixed nor failing.
        let listed = comparison.newFailures + comparison.fixedTests + comparison.stillFailing + comparison.newTests
        #expect(!listed.map(\.id).contains("skipped-now"))
        #expect(comparison.hasRegressions)
    }

    @Test("a baseline test that no longer exists is listed as removed, with its old outcome")
    func removed() {
        let comparison = BaselineComparison(baseline: baseline, current: current)
        #expect(comparison.removedTests == [ComparedTest(id: "gone", name: "Name of gone", outcome: nil, baselineOutcome: .failed)])
    }

    @Test("e2e p95 up by more than 20 % is a regression, per test and per run matched by campaign name")
    func latencyRegressions() throws {
        let comparison = BaselineComparison(baseline: baseline, current: current)
        #expect(comparison.latencyThreshold == 0.2)
        #expect(comparison.testLatencyRegressions == [LatencyRegression(id: "slower", name: "Name of slower", baseline: 1.0, current: 1.3)])
        #expect(isClose(comparison.testLatencyRegressions.first?.increase, 0.3))
        // Runs without a campaign name are matched by id, and ad-hoc run ids differ: not compared.
        #expect(comparison.runLatencyRegressions == [LatencyRegression(id: "today", name: "Nightly", baseline: 1.0, current: 1.25)])
    }

    @Test("the threshold is settable")
    func threshold() {
        let lenient = BaselineComparison(baseline: baseline, current: current, latencyThreshold: 0.5)
        #expect(lenient.testLatencyRegressions.isEmpty)
        #expect(lenient.runLatencyRegressions.isEmpty)
        let strict = BaselineComparison(baseline: baseline, current: current, latencyThreshold: 0.05)
        #expect(strict.testLatencyRegressions.map(\.id) == ["jitter", "slower"])
        #expect(BaselineComparison(baseline: baseline, current: current, latencyThreshold: -1).latencyThreshold == 0)
    }

    @Test("a run without a campaign name is matched by run id")
    func runByID() {
        let before = document([run("r-1", p95: 1.0, [])])
        let after = document([run("r-1", p95: 2.0, [])])
        #expect(BaselineComparison(baseline: before, current: after).runLatencyRegressions.map(\.id) == ["r-1"])
    }

    @Test("when a test id is in several runs, its last run stands for it")
    func lastRunWins() {
        let before = document([run("a", [test("t", .failed)]), run("b", [test("t", .passed)])])
        let after = document([run("c", [test("t", .failed)])])
        let comparison = BaselineComparison(baseline: before, current: after)
        #expect(comparison.newFailures.map(\.id) == ["t"])
        #expect(comparison.stillFailing.isEmpty)
    }

    @Test("identical documents show no change")
    func unchanged() {
        let comparison = BaselineComparison(baseline: current, current: current)
        #expect(comparison.newFailures.isEmpty && comparison.fixedTests.isEmpty && comparison.newTests.isEmpty)
        #expect(comparison.removedTests.isEmpty && comparison.testLatencyRegressions.isEmpty)
        #expect(comparison.stillFailing.map(\.id) == ["broken", "new", "still"])
        #expect(!comparison.hasRegressions)
    }

    @Test("a report compares with a baseline read back from JSON")
    func fromReport() throws {
        let yesterday = F.report([
            F.delivery(run: "r-1", test: "t-1", session: "a", history: F.agentTurns(e2e: [1, 1]), campaign: "Nightly", line: 1),
            F.delivery(run: "r-1", test: "t-2", session: "b", campaign: "Nightly", line: 2),
            F.delivery(run: "r-1", test: "t-old", session: "c", campaign: "Nightly", line: 3),
        ])
        let today = F.report([
            F.delivery(run: "r-2", test: "t-1", session: "d", history: F.agentTurns(e2e: [2, 2]), campaign: "Nightly", line: 1),
            F.delivery(run: "r-2", test: "t-2", session: "e", eval: F.failed(["No"]), campaign: "Nightly", line: 2),
        ])
        let baseline = try SummaryDocument(jsonData: SummaryDocument(yesterday).jsonData())
        let comparison = BaselineComparison(baseline: baseline, report: today)
        #expect(comparison.newFailures.map(\.id) == ["t-2"])
        #expect(comparison.removedTests.map(\.id) == ["t-old"])
        #expect(comparison.testLatencyRegressions.map(\.id) == ["t-1"])
        #expect(comparison.runLatencyRegressions == [LatencyRegression(id: "r-2", name: "Nightly", baseline: 1, current: 2)])
    }
}
