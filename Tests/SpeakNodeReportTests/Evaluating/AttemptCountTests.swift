import Testing
@testable import SpeakNodeReport

@Suite("Counts of a test's attempts and of a run's tests")
struct AttemptCountTests {
    typealias F = EvaluationFixture

    func test(_ outcomes: [Outcome]) -> TestResult {
        let attempts = outcomes.map {
            AttemptResult(conversation: Conversation(), outcome: $0, message: "", reasons: [], type: nil)
        }
        return TestResult(
            id: "t", name: "t", runID: "r", agentName: "", attempts: attempts,
            decidingAttemptIndex: max(0, attempts.count - 1), outcome: outcomes.last ?? .skipped,
            isFlaky: Evaluator.outcomesDisagree(attempts), duration: 0
        )
    }

    @Test("passed attempts over evaluated ones (passed or failed); errors and skips are not verdicts",
          arguments: [
              ([Outcome.passed, .failed, .passed, .error, .skipped], 2, 3, 2.0 / 3.0),
              ([.passed], 1, 1, 1.0), ([.failed, .failed], 0, 2, 0.0),
          ] as [([Outcome], Int, Int, Double)])
    func passRate(outcomes: [Outcome], passed: Int, evaluated: Int, rate: Double) {
        let test = test(outcomes)
        #expect(test.passedAttemptCount == passed)
        #expect(test.evaluatedAttemptCount == evaluated)
        #expect(test.attemptPassRate == rate)
    }

    @Test("no pass rate when no attempt was evaluated", arguments: [[Outcome.error, .skipped], [.skipped], []])
    func noPassRate(outcomes: [Outcome]) {
        #expect(test(outcomes).evaluatedAttemptCount == 0)
        #expect(test(outcomes).attemptPassRate == nil)
    }

    @Test("a duration counts only usable seconds", arguments: [
        (61.5, 61.5), (0, 0), (-3, 0), (.infinity, 0), (.nan, 0), (nil, 0),
    ] as [(Double?, Double)])
    func usableSeconds(seconds: Double?, expected: Double) {
        #expect(AttemptResult.duration(seconds: seconds) == expected)
    }

    @Test("a run's counts add up its tests': outcomes, flakiness, attempts and durations")
    func runCounts() throws {
        let collection = Collector().collect([
            F.delivery(session: "a", duration: 61.5, line: 1),
            F.delivery(session: "b", duration: -1, line: 2),
            F.delivery(session: "c", duration: 30, line: 3),
        ])
        let run = try #require(Evaluator().evaluate(collection).runs.first)
        var expected = Counts()
        for test in run.tests { expected += Counts(test) }
        #expect(run.counts == expected)
        #expect(run.counts.attempts == 3)
        #expect(run.counts.duration == 91.5)
    }
}
