/// Why ``LatencyGate`` made a test that passed fail: its end-to-end latency statistic was
/// over budget.
public struct LatencyFailure: Sendable, Hashable {
    public var gate: LatencyGate
    public var metric: LatencyMetric
    /// The statistic's value, in seconds.
    public var value: Double
    /// The budget it went over, in seconds.
    public var budget: Double

    public init(gate: LatencyGate, metric: LatencyMetric = LatencyGate.metric, value: Double, budget: Double) {
        self.gate = gate
        self.metric = metric
        self.value = value
        self.budget = budget
    }

    /// The failure a gate finds in some insights under a budget; `nil` when the statistic is
    /// within budget, was not measured, or the metric has no budget.
    public init?(gate: LatencyGate, insights: Insights, budget: LatencyBudget) {
        let metric = LatencyGate.metric
        guard let limit = budget[metric], let statistics = insights.statistics(of: metric) else { return nil }
        let value = gate.value(of: statistics)
        guard value > limit else { return nil }
        self.init(gate: gate, metric: metric, value: value, budget: limit)
    }

    /// The failure message, e.g. `e2e_latency p95 1.92 s is over the budget of 1.5 s`.
    public var message: String {
        "\(metric.payloadName) \(gate.rawValue) \(SecondsText.format(value)) is over the budget of \(SecondsText.format(budget))"
    }

    /// The message without the measured value, so failures for the same reason group together
    /// in ``FailurePattern``s, e.g. `e2e_latency p95 over the budget of 1.5 s`.
    public var reason: String {
        "\(metric.payloadName) \(gate.rawValue) over the budget of \(SecondsText.format(budget))"
    }
}
