/// How many tests ended how, and how many attempts they took, as a ``SummaryDocument`` writes them.
public struct SummaryCounts: Sendable, Hashable, Codable {
    public var tests: Int
    public var passed: Int
    public var failed: Int
    public var errors: Int
    public var skipped: Int
    public var flaky: Int
    public var attempts: Int

    public init(tests: Int, passed: Int, failed: Int, errors: Int, skipped: Int, flaky: Int, attempts: Int) {
        self.tests = tests
        self.passed = passed
        self.failed = failed
        self.errors = errors
        self.skipped = skipped
        self.flaky = flaky
        self.attempts = attempts
    }

    /// The counts of a report, run or test (the duration is written separately).
    public init(_ counts: Counts) {
        self.init(
            tests: counts.tests, passed: counts.passed, failed: counts.failed, errors: counts.errors,
            skipped: counts.skipped, flaky: counts.flaky, attempts: counts.attempts
        )
    }
}
