import Foundation
import Testing
@testable import SpeakNodeReport

@Suite("Evaluator: tests and attempts")
struct EvaluatorTestOutcomeTests {
    typealias F = EvaluationFixture

    /// One test with the given attempts, in the given order of start times.
    func test(_ evals: [(eval: EvalResult?, status: String?)], policy: AttemptPolicy) throws -> TestResult {
        let deliveries = evals.enumerated().map { index, attempt in
            F.delivery(session: "s\(index)", eval: attempt.eval, status: attempt.status, start: Double(index), line: index)
        }
        let report = Evaluator(policy: policy).evaluate(Collector().collect(deliveries))
        return try #require(report.runs.first?.tests.first)
    }

    let pass: (EvalResult?, String?) = (F.passed, "Completed")
    let fail: (EvalResult?, String?) = (F.failed, "Completed")
    let error: (EvalResult?, String?) = (nil, "Error")
    let skip: (EvalResult?, String?) = (nil, "Cancelled")

    @Test("latest: a retry that passed makes the test pass, and flaky")
    func latestRetryPasses() throws {
        let result = try test([fail, pass], policy: .latest)
        #expect(result.outcome == .passed)
        #expect(result.decidingAttemptIndex == 1)
        #expect(result.decidingAttempt.sessionID == "s1")
        #expect(result.isFlaky)
    }

    @Test("latest: the last attempt decides, even a skipped one")
    func latestIsLast() throws {
        #expect(try test([pass, fail], policy: .latest).outcome == .failed)
        let cancelledRetry = try test([pass, skip], policy: .latest)
        #expect(cancelledRetry.outcome == .skipped)
        #expect(cancelledRetry.decidingAttemptIndex == 1)
        #expect(!cancelledRetry.isFlaky)
    }

    @Test("all: the worst attempt decides, and the last attempt with that outcome is the deciding one")
    func allWorstDecides() throws {
        let retried = try test([fail, pass], policy: .all)
        #expect(retried.outcome == .failed)
        #expect(retried.decidingAttemptIndex == 0)
        #expect(retried.isFlaky)

        let mixed = try test([error, fail, error, pass], policy: .all)
        #expect(mixed.outcome == .error)
        #expect(mixed.decidingAttemptIndex == 2)
    }

    @Test("all: skipped attempts are ignored unless every attempt was skipped")
    func allIgnoresSkips() throws {
        let passedThenSkipped = try test([pass, skip], policy: .all)
        #expect(passedThenSkipped.outcome == .passed)
        #expect(passedThenSkipped.decidingAttemptIndex == 0)

        let allSkipped = try test([skip, skip], policy: .all)
        #expect(allSkipped.outcome == .skipped)
        #expect(allSkipped.decidingAttemptIndex == 1)
    }

    @Test("flaky means attempts that ran disagree, under either policy", arguments: AttemptPolicy.allCases)
    func flakiness(policy: AttemptPolicy) throws {
        #expect(try test([fail, pass], policy: policy).isFlaky)
        #expect(try test([error, fail], policy: policy).isFlaky)
        #expect(try !test([pass, pass], policy: policy).isFlaky)
        #expect(try !test([fail, fail, skip], policy: policy).isFlaky)
        #expect(try !test([skip, pass], policy: policy).isFlaky)
        #expect(try !test([pass], policy: policy).isFlaky)
    }

    @Test("a test is named from the names map, else by its id")
    func naming() throws {
        let collection = Collector().collect([
            F.delivery(test: "t-named", session: "a", line: 1),
            F.delivery(test: "t-blank", session: "b", line: 2),
            F.delivery(test: "t-plain", session: "c", line: 3),
        ])
        let report = Evaluator(names: ["t-named": "Books a cleaning", "t-blank": " "]).evaluate(collection)
        let names = try #require(report.runs.first).tests.map { "\($0.id)=\($0.name)" }
        #expect(names == ["t-named=Books a cleaning", "t-blank=t-blank", "t-plain=t-plain"])
    }

    @Test("the agent name comes from the deciding attempt, else any attempt")
    func agentName() throws {
        func agent(_ names: [String?]) throws -> String {
            let deliveries = names.enumerated().map { index, name in
                F.delivery(session: "s\(index)", eval: F.passed, start: Double(index), agent: name, line: index)
            }
            return try #require(Evaluator().evaluate(Collector().collect(deliveries)).runs.first?.tests.first).agentName
        }
        #expect(try agent(["Receptionist", "Scheduler"]) == "Scheduler")
        #expect(try agent(["Receptionist", nil]) == "Receptionist")
        #expect(try agent([nil, ""]) == "")
    }

    @Test("a test's duration is the sum of its attempts', missing ones counting 0")
    func duration() throws {
        let collection = Collector().collect([
            F.delivery(session: "a", duration: 61.5, line: 1),
            F.delivery(session: "b", duration: nil, line: 2),
            F.delivery(session: "c", duration: 30, line: 3),
        ])
        #expect(try #require(Evaluator().evaluate(collection).runs.first?.tests.first).duration == 91.5)
    }
}
