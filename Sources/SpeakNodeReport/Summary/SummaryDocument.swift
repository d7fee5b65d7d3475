/// A machine-readable summary of a report: outcome, counts, pass rate, slow turns and latency
/// statistics for the whole input, each run and each test. CI jobs read it, and a previous
/// one serves as the baseline of a ``BaselineComparison``.
///
/// Keys are snake_case and metric names are the payload's (`latency.e2e_latency.p95`).
/// Seconds and rates are rounded to 6 decimals so the numbers are free of floating-point
/// noise; values that do not exist (a pass rate when nothing ran, a metric no turn measured)
/// are left out rather than written as 0. ``jsonData()`` writes it deterministically.
public struct SummaryDocument: Sendable, Hashable, Codable {
    /// The format version this library writes and reads.
    public static let currentSchema = 1

    /// Always ``currentSchema`` when written by this library.
    public var schema: Int
    /// The most severe outcome of any test (`error` > `failed` > `passed` > `skipped`);
    /// `nil` when the input held no test.
    public var outcome: String?
    public var counts: SummaryCounts
    /// Seconds, summed over every attempt.
    public var duration: Double
    /// Passed tests over executed (not skipped) tests, from 0 to 1.
    public var passRate: Double?
    /// How many turns were over the latency budget.
    public var slowTurns: Int
    /// Statistics per measured metric, keyed by the payload's metric name.
    public var latency: [String: LatencyStatistics]
    /// The budget in seconds per metric name that slow turns were judged against.
    public var budget: [String: Double]
    /// `p95` or `max` when `--fail-on-latency` was on.
    public var latencyGate: String?
    /// In report order (by start, then id).
    public var runs: [Run]

    public init(
        schema: Int = SummaryDocument.currentSchema, outcome: String?, counts: SummaryCounts, duration: Double,
        passRate: Double?, slowTurns: Int, latency: [String: LatencyStatistics], budget: [String: Double],
        latencyGate: String?, runs: [Run]
    ) {
        self.schema = schema
        self.outcome = outcome
        self.counts = counts
        self.duration = duration
        self.passRate = passRate
        self.slowTurns = slowTurns
        self.latency = latency
        self.budget = budget
        self.latencyGate = latencyGate
        self.runs = runs
    }

    enum CodingKeys: String, CodingKey {
        case schema, outcome, counts, duration
        case passRate = "pass_rate"
        case slowTurns = "slow_turns"
        case latency, budget
        case latencyGate = "latency_gate"
        case runs
    }

    /// The statistics of one metric, when it was measured.
    public func latency(of metric: LatencyMetric) -> LatencyStatistics? { latency[metric.payloadName] }
}
