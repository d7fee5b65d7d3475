/// The most each latency metric may take on one turn before the turn counts as slow, in seconds.
///
/// The defaults follow what callers notice: people leave gaps of about 200 ms between turns
/// in conversation, a reply after more than about 800 ms feels sluggish and one after more
/// than 1.5 s feels broken. So the whole wait a caller hears (`e2e`) gets 1.5 s, of which the
/// LLM's first token may take 1.0 s, the first synthesized audio 0.35 s, and deciding that the
/// user finished speaking 0.7 s. `transcription_delay` has no default budget: it overlaps the
/// end-of-turn delay and does not add to the wait on its own.
public struct LatencyBudget: Sendable, Hashable {
    /// Budgets in seconds; a metric without one never makes a turn slow.
    public private(set) var limits: [LatencyMetric: Double] {
        didSet {
            orderedLimits = Self.ordered(limits)
            limitsByMetricIndex = Self.byMetricIndex(limits)
        }
    }

    /// `limits` in ``LatencyMetric`` order, kept beside them because every turn of every
    /// conversation is checked against them (``overruns(in:)``): sorting the metrics and
    /// hashing them for each turn would cost more than the check itself.
    private var orderedLimits: [Limit]

    /// `limits` by ``LatencyMetric/index``, infinite for a metric without a budget (and in the
    /// lanes past the last metric): ``overrunMetrics(in:)`` checks a turn against all of them
    /// in one comparison instead of going through `orderedLimits` metric by metric.
    private var limitsByMetricIndex: SIMD8<Double>

    /// One metric's budget.
    private struct Limit: Sendable, Hashable {
        var metric: LatencyMetric
        var seconds: Double
    }

    /// Budgets for the given metrics only; values that are not positive finite seconds are left out.
    public init(limits: [LatencyMetric: Double]) {
        let limits = limits.filter { $0.value.isFinite && $0.value > 0 }
        self.limits = limits
        self.orderedLimits = Self.ordered(limits)
        self.limitsByMetricIndex = Self.byMetricIndex(limits)
    }

    /// e2e 1.5 s, TTFT 1.0 s, TTFB 0.35 s, end of turn 0.7 s; no transcription budget.
    public static let `default` = LatencyBudget(limits: [
        .e2eLatency: 1.5,
        .llmNodeTTFT: 1.0,
        .ttsNodeTTFB: 0.35,
        .endOfTurnDelay: 0.7,
    ])

    /// No budget at all: no turn is slow.
    public static let none = LatencyBudget(limits: [:])

    /// The budget of a metric in seconds, or `nil` when it has none.
    public subscript(metric: LatencyMetric) -> Double? {
        get { limits[metric] }
        set {
            if let newValue, newValue.isFinite, newValue > 0 {
                limits[metric] = newValue
            } else {
                limits[metric] = nil
            }
        }
    }

    /// The metrics that have a budget, in ``LatencyMetric`` order.
    public var budgetedMetrics: [LatencyMetric] { orderedLimits.map(\.metric) }

    /// What goes over budget in one turn's metrics, in ``LatencyMetric`` order; empty when nothing does.
    public func overruns(in metrics: TurnMetrics) -> [BudgetOverrun] {
        overruns(of: overrunMetrics(in: metrics), in: metrics)
    }

    /// Which metrics go over budget in one turn's metrics: what ``overruns(in:)`` checks,
    /// without building the overruns, since most turns have none and a ``SlowTurn`` keeps
    /// only which metrics went over.
    func overrunMetrics(in metrics: TurnMetrics) -> LatencyMetricSet {
        // An unmeasured metric reads 0, which no budget (positive) is under.
        let over = LatencyMetric.measuredValues(in: metrics) .> limitsByMetricIndex
        var overrun: LatencyMetricSet = []
        for metric in LatencyMetric.allCases where over[metric.index] { overrun.insert(metric) }
        return overrun
    }

    /// The overruns of `overrun` (as ``overrunMetrics(in:)`` found them in `metrics`), in
    /// ``LatencyMetric`` order, with the values measured and the budgets they went over.
    func overruns(of overrun: LatencyMetricSet, in metrics: TurnMetrics) -> [BudgetOverrun] {
        guard !overrun.isEmpty else { return [] }
        var overruns: [BudgetOverrun] = []
        // Exactly as many as there are metrics in the set: one allocation, never a regrowth.
        overruns.reserveCapacity(overrun.rawValue.nonzeroBitCount)
        for limit in orderedLimits where overrun.contains(limit.metric) {
            guard let value = limit.metric.value(in: metrics) else { continue }
            overruns.append(BudgetOverrun(metric: limit.metric, value: value, budget: limit.seconds))
        }
        return overruns
    }

    /// The overrun of one metric of `overrun` (as ``overrunMetrics(in:)`` found them in
    /// `metrics`), if it is among them.
    func overrun(of metric: LatencyMetric, among overrun: LatencyMetricSet, in metrics: TurnMetrics) -> BudgetOverrun? {
        guard overrun.contains(metric), let value = metric.value(in: metrics), let seconds = self[metric] else { return nil }
        return BudgetOverrun(metric: metric, value: value, budget: seconds)
    }

    /// `limits` by ``LatencyMetric/index``, infinite where there is none.
    private static func byMetricIndex(_ limits: [LatencyMetric: Double]) -> SIMD8<Double> {
        var byIndex = SIMD8<Double>(repeating: .infinity)
        for (metric, seconds) in limits { byIndex[metric.index] = seconds }
        return byIndex
    }

    private static func ordered(_ limits: [LatencyMetric: Double]) -> [Limit] {
        limits.map { Limit(metric: $0.key, seconds: $0.value) }.sorted { $0.metric < $1.metric }
    }
}
