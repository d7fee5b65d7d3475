import Testing
@testable import SpeakNodeReport

@Suite("Whether a test's attempts disagree")
struct FlakinessTests {
    func attempts(_ outcomes: [Outcome]) -> [AttemptResult] {
        outcomes.map { AttemptResult(conversation: Conversation(), outcome: $0, message: "", reasons: [], type: nil) }
    }

    @Test("attempts that ran disagree when their outcomes differ; skipped attempts do not count",
          arguments: [
              ([Outcome](), false), ([.passed], false), ([.passed, .passed], false), ([.skipped, .failed], false),
              ([.passed, .skipped, .passed], false), ([.passed, .failed], true), ([.error, .skipped, .failed], true),
              ([.skipped, .skipped], false),
          ] as [([Outcome], Bool)])
    func disagreement(outcomes: [Outcome], disagree: Bool) {
        #expect(Evaluator.outcomesDisagree(attempts(outcomes)) == disagree)
    }
}
