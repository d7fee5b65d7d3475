#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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
    /// Latency, slow turns and signals of all runs together.
    public var insights: Insights
    /// The budget slow turns were judged against.
    public var budget: LatencyBudget
    /// The `--fail-on-latency` gate the tests were evaluated with, if any.
    public var latencyGate: LatencyGate?

    /// `insights` defaults to the runs' insights combined.
    public init(
        runs: [RunResult], totals: Counts, policy: AttemptPolicy, redeliveries: Int,
        nonTestDeliveries: Int, problems: [InputProblem], generatedAt: Date?,
        insights: Insights? = nil, budget: LatencyBudget = .default, latencyGate: LatencyGate? = nil
    ) {
        self.runs = runs
        self.totals = totals
        self.policy = policy
        self.redeliveries = redeliveries
        self.nonTestDeliveries = nonTestDeliveries
        self.problems = problems
        self.generatedAt = generatedAt
        self.insights = insights ?? Insights(combining: runs.map(\.insights))
        self.budget = budget
        self.latencyGate = latencyGate
    }
}
