import Foundation

/// The failed tests of a run or of the whole input grouped by how they failed, so a reader
/// sees "7 tests: Agent did not confirm the time" instead of seven separate failures.
///
/// Only tests whose outcome is ``Outcome/failed`` count (errors and skips are not verdicts).
/// The completion reason and reasons are those of the deciding attempt; reasons are trimmed,
/// blank ones are left out, and identical texts group together. A failure without reasons
/// groups under `nil`. A test failed by ``LatencyGate`` adds ``LatencyFailure/reason``.
public struct FailurePatterns: Sendable, Hashable {
    /// Failed tests by the deciding attempt's `completion_reason`.
    public var byCompletionReason: [FailurePattern]
    /// Failed tests by each reason text; a test with several reasons appears under each.
    public var byReason: [FailurePattern]

    public init(byCompletionReason: [FailurePattern] = [], byReason: [FailurePattern] = []) {
        self.byCompletionReason = byCompletionReason
        self.byReason = byReason
    }

    /// The patterns of some tests; tests that did not fail are ignored.
    public init(tests: [TestResult]) {
        let failed = tests.filter { $0.outcome == .failed }
        self.init(
            byCompletionReason: FailurePattern.group(failed.map { test in
                (TestReference(test), [test.decidingAttempt.conversation.evalResult?.completionReason.nonBlankText])
            }),
            byReason: FailurePattern.group(failed.map { test in
                (TestReference(test), Self.reasons(of: test))
            })
        )
    }

    /// Whether no test failed.
    public var isEmpty: Bool { byCompletionReason.isEmpty }

    static func reasons(of test: TestResult) -> [String?] {
        var reasons: [String] = []
        if test.decidingAttempt.outcome == .failed {
            reasons = test.decidingAttempt.reasons
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                .filter { !$0.isEmpty }
        }
        if let latencyFailure = test.latencyFailure { reasons.append(latencyFailure.reason) }
        return reasons.isEmpty ? [nil] : reasons
    }
}
