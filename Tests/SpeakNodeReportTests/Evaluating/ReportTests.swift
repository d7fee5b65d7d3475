import Foundation
import Testing
@testable import SpeakNodeReport

@Suite("Evaluator: runs and report")
struct ReportEvaluationTests {
    typealias F = EvaluationFixture

    func report(_ deliveries: [Delivery], policy: AttemptPolicy = .latest, problems: [InputProblem] = []) -> Report {
        Evaluator(policy: policy).evaluate(Collector().collect(deliveries), problems: problems)
    }

    /// Two runs: r1 with a flaky retry, a failure, an error and a skip; r2 with one pass.
    var twoRuns: [Delivery] {
        [
            F.delivery(run: "r1", test: "retry", session: "a1", eval: F.failed, start: 0, duration: 10, line: 1),
            F.delivery(run: "r1", test: "retry", session: "a2", eval: F.passed, start: 1, duration: 20, line: 2),
            F.delivery(run: "r1", test: "fails", session: "b", eval: F.failed, start: 2, duration: 5, line: 3),
            F.delivery(run: "r1", test: "errs", session: "c", status: "Error", start: 3, line: 4),
            F.delivery(run: "r1", test: "skips", session: "d", status: "Cancelled", start: 4, line: 5),
            F.delivery(run: "r2", test: "ok", session: "e", eval: F.passed, start: -5, created: 9, duration: 1.5, line: 6),
            F.delivery(run: "r2", test: "ok", session: "e", start: -5, created: 9, line: 7),
            F.delivery(event: "Other", session: "x", line: 8),
        ]
    }

    @Test("counts add up per run and in total, under latest")
    func countsLatest() throws {
        let report = report(twoRuns)
        #expect(report.runs.map(\.id) == ["r2", "r1"])
        let r1 = try #require(report.runs.last)
        #expect(r1.counts == Counts(tests: 4, passed: 1, failed: 1, errors: 1, skipped: 1, flaky: 1, attempts: 5, duration: 35))
        #expect(report.totals == Counts(tests: 5, passed: 2, failed: 1, errors: 1, skipped: 1, flaky: 1, attempts: 6, duration: 36.5))
        #expect(report.redeliveries == 1)
        #expect(report.nonTestDeliveries == 1)
        #expect(report.policy == .latest)
        #expect(!report.isSuccessful)
    }

    @Test("under all, the flaky retry counts as failed")
    func countsAll() {
        let report = report(twoRuns, policy: .all)
        #expect(report.totals == Counts(tests: 5, passed: 1, failed: 2, errors: 1, skipped: 1, flaky: 1, attempts: 6, duration: 36.5))
        #expect(report.policy == .all)
    }

    @Test("pass rate leaves skipped tests out and is nil when nothing ran")
    func passRate() {
        #expect(Counts(tests: 4, passed: 1, failed: 1, errors: 1, skipped: 1, flaky: 0, attempts: 4, duration: 0).passRate == 1.0 / 3.0)
        #expect(Counts(tests: 2, passed: 0, failed: 0, errors: 0, skipped: 2, flaky: 0, attempts: 2, duration: 0).passRate == nil)
        #expect(Counts().passRate == nil)
    }

    @Test("a run shows its most common campaign, its agents and its earliest start")
    func runDetails() throws {
        let run = try #require(report([
            F.delivery(test: "t2", session: "a", start: 5, agent: "Scheduler", campaign: "Nightly", campaignID: "c-2", line: 1),
            F.delivery(test: "t1", session: "b", created: 3, agent: "Receptionist", campaign: "Beta", campaignID: "c-1", line: 2),
            F.delivery(test: "t1", session: "c", start: 4, agent: "Scheduler", campaign: "Alpha", campaignID: "c-2", line: 3),
            F.delivery(test: "t3", session: "d", start: 7, agent: "", campaign: "Nightly", line: 4),
            F.delivery(test: "t3", session: "e", start: 8, campaign: "", line: 5),
        ]).runs.first)
        #expect(run.campaignName == "Nightly")
        #expect(run.campaignID == "c-2")
        #expect(run.agentNames == ["Receptionist", "Scheduler"])
        #expect(run.startedAt == F.minute(3))
        #expect(run.tests.map(\.id) == ["t1", "t2", "t3"])
    }

    @Test("a campaign tie goes to the smallest name; no campaign gives nil")
    func campaignTie() throws {
        let tied = try #require(report([
            F.delivery(session: "a", campaign: "Zeta", line: 1),
            F.delivery(session: "b", campaign: "Alpha", line: 2),
        ]).runs.first)
        #expect(tied.campaignName == "Alpha")
        #expect(tied.displayName == "Alpha (run-1)")

        let none = try #require(report([F.delivery(run: "0123456789abcdef", session: "a", line: 1)]).runs.first)
        #expect(none.campaignName == nil)
        #expect(none.campaignID == nil)
        #expect(none.shortID == "01234567")
        #expect(none.displayName == "01234567")
    }

    @Test("tests are sorted by name, then id")
    func testOrder() throws {
        let collection = Collector().collect([
            F.delivery(test: "id-3", session: "a", line: 1),
            F.delivery(test: "id-2", session: "b", line: 2),
            F.delivery(test: "id-1", session: "c", line: 3),
        ])
        let report = Evaluator(names: ["id-3": "Alpha", "id-1": "Same", "id-2": "Same"]).evaluate(collection)
        #expect(try #require(report.runs.first).tests.map(\.id) == ["id-3", "id-1", "id-2"])
    }

    @Test("runs are sorted by start, runs without a time last, then by id")
    func runOrder() {
        let report = report([
            F.delivery(run: "undated-b", session: "a", line: 1),
            F.delivery(run: "late", session: "b", start: 10, line: 2),
            F.delivery(run: "undated-a", session: "c", line: 3),
            F.delivery(run: "early", session: "d", created: 1, line: 4),
        ])
        #expect(report.runs.map(\.id) == ["early", "late", "undated-a", "undated-b"])
    }

    @Test("generatedAt is the latest created_at, else start_time, found in the data")
    func generatedAt() {
        #expect(report([
            F.delivery(session: "a", start: 1, created: 2, line: 1),
            F.delivery(session: "b", start: 30, line: 2),
            F.delivery(session: "c", start: 3, created: 20, line: 3),
        ]).generatedAt == F.minute(30))
        #expect(report([F.delivery(session: "a", start: 1, created: 2, line: 1)]).generatedAt == F.minute(2))
        #expect(report([F.delivery(session: "a", line: 1)]).generatedAt == nil)
    }

    @Test("input problems are carried into the report, sorted")
    func problems() {
        let later = InputProblem(source: SourceLocation(file: "b.ndjson", line: 2), reason: "not JSON")
        let earlier = InputProblem(source: SourceLocation(file: "a.json"), reason: "empty file")
        let report = report([], problems: [later, earlier])
        #expect(report.problems == [earlier, later])
        #expect(report.hasInputProblems)
        #expect(report.isEmpty)
        #expect(report.isSuccessful)
        #expect(report.totals == Counts())
        #expect(report.generatedAt == nil)
    }

    @Test("the report does not depend on the order deliveries arrive in", arguments: AttemptPolicy.allCases)
    func independentOfOrder(policy: AttemptPolicy) {
        let expected = report(twoRuns, policy: policy)
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<20 {
            #expect(report(twoRuns.shuffled(using: &generator), policy: policy) == expected)
        }
    }
}
