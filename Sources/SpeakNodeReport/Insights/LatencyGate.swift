/// Which statistic of a test's end-to-end latency fails the test when it is over budget
/// (`--fail-on-latency p95|max`). Off unless chosen.
public enum LatencyGate: String, Sendable, Hashable, CaseIterable {
    /// Fail when the 95th percentile of `e2e_latency` is over budget: most turns were too slow to tolerate.
    case p95
    /// Fail when any single turn's `e2e_latency` is over budget.
    case max

    /// The metric a gate looks at: the wait a caller hears.
    public static let metric = LatencyMetric.e2eLatency

    /// The gated statistic.
    public func value(of statistics: LatencyStatistics) -> Double {
        switch self {
        case .p95: statistics.p95
        case .max: statistics.max
        }
    }
}
