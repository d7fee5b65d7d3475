extension Counts {
    /// The counts of one test: one test with its outcome, attempts and duration.
    public init(_ test: borrowing TestResult) {
        self.init(
            tests: 1,
            passed: test.outcome == .passed ? 1 : 0,
            failed: test.outcome == .failed ? 1 : 0,
            errors: test.outcome == .error ? 1 : 0,
            skipped: test.outcome == .skipped ? 1 : 0,
            flaky: test.isFlaky ? 1 : 0,
            attempts: test.attempts.count,
            duration: test.duration
        )
    }

    /// The counts of several tests or runs added up.
    public static func + (lhs: Counts, rhs: Counts) -> Counts {
        Counts(
            tests: lhs.tests + rhs.tests,
            passed: lhs.passed + rhs.passed,
            failed: lhs.failed + rhs.failed,
            errors: lhs.errors + rhs.errors,
            skipped: lhs.skipped + rhs.skipped,
            flaky: lhs.flaky + rhs.flaky,
            attempts: lhs.attempts + rhs.attempts,
            duration: lhs.duration + rhs.duration
        )
    }

    public static func += (lhs: inout Counts, rhs: Counts) { lhs = lhs + rhs }

    /// Tests that reached a verdict or an error: everything but the skipped ones.
    public var executed: Int { tests - skipped }

    /// Tests that failed or could not be evaluated: what makes a CI gate fail.
    public var unsuccessful: Int { failed + errors }

    /// The share of executed tests that passed, from 0 to 1; `nil` when no test was executed,
    /// so "nothing ran" is never shown as 0 % or 100 %.
    public var passRate: Double? {
        executed > 0 ? Double(passed) / Double(executed) : nil
    }
}
