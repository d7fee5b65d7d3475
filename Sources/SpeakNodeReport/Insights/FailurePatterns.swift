#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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
        self.init(testLists: [tests])
    }

    /// The patterns of the tests of several lists (each run's), one list after the other;
    /// tests that did not fail are ignored.
    ///
    /// The lists are read where they are: joining them into one list first (`flatMap`)
    /// copied every test of a report, retaining all it holds, to look at the few that failed.
    init(testLists: [[TestResult]]) {
        // Read in place: a list of the failed tests would copy each one.
        var byCompletionReason: [(test: TestReference, keys: [String?])] = []
        var byReason: [(test: TestReference, keys: [String?])] = []
        for tests in testLists {
            for index in tests.indices where tests[index].outcome == .failed {
                let reference = TestReference(tests[index])
                let deciding = tests[index].decidingAttemptIndex
                byCompletionReason.append(
                    (reference, [tests[index].attempts[deciding].conversation.evalResult?.completionReason.nonBlankText])
                )
                byReason.append((reference, Self.reasons(of: tests[index])))
            }
        }
        self.init(byCompletionReason: FailurePattern.group(byCompletionReason), byReason: FailurePattern.group(byReason))
    }

    /// Whether no test failed.
    public var isEmpty: Bool { byCompletionReason.isEmpty }

    /// The reason without whitespace and newlines around it.
    static func trimmed(_ reason: String) -> String {
        reason.trimmedOfWhitespace
    }

    static func reasons(of test: TestResult) -> [String?] {
        var reasons: [String] = []
        // Read in place: `decidingAttempt` would copy the attempt with its whole conversation.
        let deciding = test.decidingAttemptIndex
        if test.attempts[deciding].outcome == .failed {
            reasons = test.attempts[deciding].reasons
                .map(Self.trimmed)
                .filter { !$0.isEmpty }
        }
        if let latencyFailure = test.latencyFailure { reasons.append(latencyFailure.reason) }
        return reasons.isEmpty ? [nil] : reasons
    }
}
