/// Totals over a set of tests: one run, or the whole input.
public struct Counts: Sendable, Hashable {
    public var tests = 0
    public var passed = 0
    public var failed = 0
    public var errors = 0
    public var skipped = 0
    public var flaky = 0
    public var attempts = 0
    /// Seconds, summed over every attempt's `duration_seconds`.
    public var duration: Double = 0

    public init() {}

    public init(tests: Int, passed: Int, failed: Int, errors: Int, skipped: Int, flaky: Int, attempts: Int, duration: Double) {
        self.tests = tests
        self.passed = passed
        self.failed = failed
        self.errors = errors
        self.skipped = skipped
        self.flaky = flaky
        self.attempts = attempts
        self.duration = duration
    }
}
