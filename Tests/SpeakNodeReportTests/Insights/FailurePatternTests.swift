import Foundation
import Testing
@testable import SpeakNodeReport

@Suite("Failure patterns and repeats")
struct FailurePatternTests {
    typealias F = InsightsFixture

    var report: Report {
        F.report([
            F.delivery(test: "a", session: "s1", eval: F.failed(["Agent did not confirm the time", "Spoke too fast"]), line: 1),
            F.delivery(test: "b", session: "s2", eval: F.failed(["Agent did not confirm the time"]), line: 2),
            F.delivery(test: "c", session: "s3", eval: F.failed([], completion: "CallerHungUp"), line: 3),
            F.delivery(test: "d", session: "s4", eval: F.failed(["  Agent did not confirm the time ", " "], completion: nil), line: 4),
            F.delivery(run: "run-2", test: "e", session: "s5", eval: F.failed(["Spoke too fast"]), line: 5),
            F.delivery(test: "ok", session: "s6", eval: F.passed, line: 6),
            F.delivery(test: "broken", session: "s7", eval: nil, status: "Error", line: 7),
        ])
    }

    func summary(_ patterns: [FailurePattern]) -> [String] {
        patterns.map { "\($0.count) \($0.text ?? "-"): \($0.tests.map(\.testID).joined(separator: ","))" }
    }

    @Test("failed tests group by completion reason, most first, then by text, missing last")
    func byCompletionReason() {
        #expect(summary(report.failurePatterns.byCompletionReason) == [
            "3 StepsExhausted: a,b,e",
            "1 CallerHungUp: c",
            "1 -: d",
        ])
    }

    @Test("failed tests group by each trimmed reason text; a failure without reasons groups under none")
    func byReason() {
        #expect(summary(report.failurePatterns.byReason) == [
            "3 Agent did not confirm the time: a,b,d",
            "2 Spoke too fast: a,e",
            "1 -: c",
        ])
    }

    @Test("a run's patterns cover only its own tests; passes and errors are never patterns")
    func perRun() throws {
        let run = try #require(report.runs.first { $0.id == "run-2" })
        #expect(summary(run.failurePatterns.byReason) == ["1 Spoke too fast: e"])
        let none = F.report([F.delivery(session: "s1", line: 1), F.delivery(test: "t2", session: "s2", eval: nil, status: "Error", line: 2)])
        #expect(none.failurePatterns.isEmpty)
        #expect(none.failurePatterns.byReason.isEmpty)
    }

    @Test("tests failed on latency share one reason whatever their values")
    func latencyFailures() {
        let report = F.report([
            F.delivery(test: "slow-1", session: "s1", history: F.agentTurns(e2e: [2.0]), line: 1),
            F.delivery(test: "slow-2", session: "s2", history: F.agentTurns(e2e: [3.0]), line: 2),
        ], evaluator: Evaluator(latencyGate: .max))
        #expect(summary(report.failurePatterns.byReason) == ["2 e2e_latency max over the budget of 1.5 s: slow-1,slow-2"])
        #expect(summary(report.failurePatterns.byCompletionReason) == ["2 Completed: slow-1,slow-2"])
    }

    @Test("a repeated test's pass rate is passed attempts over evaluated attempts")
    func repeats() throws {
        let evals: [(EvalResult?, String)] = [
            (F.passed, "Completed"), (F.failed(["No"]), "Completed"), (F.passed, "Completed"),
            (nil, "Error"), (nil, "Cancelled"),
        ]
        let report = F.report(evals.enumerated().map { index, attempt in
            F.delivery(session: "s\(index)", eval: attempt.0, status: attempt.1, order: Double(index), line: index)
        })
        let test = try #require(report.runs.first?.tests.first)
        #expect(test.passedAttemptCount == 2)
        #expect(test.evaluatedAttemptCount == 3)
        #expect(test.attemptPassRate == 2.0 / 3.0)

        let neverEvaluated = try #require(F.report([F.delivery(session: "x", eval: nil, status: "Error", line: 1)]).runs.first?.tests.first)
        #expect(neverEvaluated.attemptPassRate == nil)
    }

    @Test("reasons are trimmed as Foundation trims whitespace and newlines, ASCII or not")
    func trimming() {
        for reason in ["Agent did not confirm", " padded\n", "\u{00A0}no-break\u{2003}", "x", "", " ", "tab\t", "é "] {
            #expect(FailurePatterns.trimmed(reason) == reason.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}
