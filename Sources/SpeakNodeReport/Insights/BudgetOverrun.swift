/// One metric of one turn that took longer than its budget.
public struct BudgetOverrun: Sendable, Hashable {
    public var metric: LatencyMetric
    /// What the turn measured, in seconds.
    public var value: Double
    /// The budget it went over, in seconds.
    public var budget: Double

    public init(metric: LatencyMetric, value: Double, budget: Double) {
        self.metric = metric
        self.value = value
        self.budget = budget
    }

    /// How far over budget, in seconds (always positive).
    public var excess: Double { value - budget }
}
