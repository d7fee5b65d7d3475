/// A test or run whose end-to-end latency p95 went up by more than the allowed share
/// since the baseline.
public struct LatencyRegression: Sendable, Hashable, Comparable {
    /// The test id, or the run id (the current one for a run).
    public var id: String
    /// The test's name, or the run's campaign name when it has one.
    public var name: String?
    public var metric: LatencyMetric
    /// The baseline's p95, in seconds.
    public var baseline: Double
    /// The current p95, in seconds.
    public var current: Double

    public init(id: String, name: String?, metric: LatencyMetric = .e2eLatency, baseline: Double, current: Double) {
        self.id = id
        self.name = name
        self.metric = metric
        self.baseline = baseline
        self.current = current
    }

    /// How much it went up, as a share of the baseline (0.25 is 25 % slower).
    public var increase: Double { baseline > 0 ? (current - baseline) / baseline : 0 }

    /// By name (unnamed last), then id.
    public static func < (lhs: LatencyRegression, rhs: LatencyRegression) -> Bool {
        if let order = MissingLastOrder.precedes(lhs.name, rhs.name) { return order }
        return lhs.id < rhs.id
    }
}
