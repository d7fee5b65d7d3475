import Mustache

/// One metric's row of a latency table (`metrics` and `e2e` of ``LatencyStatsObject``):
/// `count`, `p50`, `p90`, `p95`, `max` (`850 ms`, `1.23 s`), and the budget with
/// `isOverBudget` when p95 is over it; each worked out when a template looks it up.
///
/// Every test has a row per measured metric and each format reads most of it once, so a
/// value is formatted when read rather than all of them into a dictionary first.
struct LatencyRowObject: MustacheObject {
    let metric: LatencyMetric
    let statistics: LatencyStatistics
    let budget: Double?

    enum Key: String, CaseIterable {
        case metric, key, title, count, p50, p90, p95, max, budget, hasBudget, isOverBudget, isMaxOverBudget
    }

    static let keys = NameTable(Key.allCases.map { ($0.rawValue, $0) })

    func member(_ name: String) -> MustacheValue? {
        // Not `Self.keys[name].map(value)`: the closure it makes copies the object (retaining
        // each of its fields) for every look-up.
        guard let key = Self.keys[name] else { return nil }
        return value(key)
    }

    func value(_ key: Key) -> MustacheValue {
        switch key {
        case .metric: .string(metric.payloadName)
        case .key: .string(metric.budgetKey)
        case .title: .string(metric.title)
        case .count: .int(statistics.count)
        case .p50: .string(InsightFormat.format(statistics.p50))
        case .p90: .string(InsightFormat.format(statistics.p90))
        case .p95: .string(InsightFormat.format(statistics.p95))
        case .max: .string(InsightFormat.format(statistics.max))
        case .budget: MustacheValue(budget.map(InsightFormat.format))
        case .hasBudget: .bool(budget != nil)
        case .isOverBudget: .bool(budget.map { statistics.p95 > $0 } ?? false)
        case .isMaxOverBudget: .bool(budget.map { statistics.max > $0 } ?? false)
        }
    }
}
