import Foundation

/// Everything the reports show, evaluated from the input and independent of any output format.
public struct Report: Sendable, Hashable {
    /// Runs sorted by start, then id.
    public var runs: [RunResult]
    public var totals: Counts
    public var policy: AttemptPolicy
    /// Deliveries of a `session_id` already seen, left out.
    public var redeliveries: Int
    /// Deliveries of other events, and conversations without `test_run_id` / `test_id`.
    public var nonTestDeliveries: Int
    /// Deliveries, lines and files that could not be read.
    public var problems: [InputProblem]
    /// The latest timestamp found in the data, so the same input always gives the same report.
    public var generatedAt: Date?

    public init(
        runs: [RunResult], totals: Counts, policy: AttemptPolicy, redeliveries: Int,
        nonTestDeliveries: Int, problems: [InputProblem], generatedAt: Date?
    ) {
        self.runs = runs
        self.totals = totals
        self.policy = policy
        self.redeliveries = redeliveries
        self.nonTestDeliveries = nonTestDeliveries
        self.problems = problems
        self.generatedAt = generatedAt
    }
}
