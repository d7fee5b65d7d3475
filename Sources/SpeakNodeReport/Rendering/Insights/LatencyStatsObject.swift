import Mustache

/// The latency values of one set of ``Insights`` (`latencyStats` of a test, a run or the
/// report), each worked out when a template looks it up.
///
/// `metrics` rows in ``LatencyMetric`` order; `e2e` is the end-to-end row on its own (or
/// `null`), for places that show only the wait a caller hears; `slowTurns` in order, and
/// `slowTurnsPreview`, the first 20 of them, for summaries that must stay short;
/// `overBudgetText` names the metrics whose p95 is over budget (`e2e_latency 2.1 s (budget 1.5 s)`).
///
/// Every test has these values and templates read a few of them: an object over the insights
/// builds none of the others. The statistics of a test, a run or a report are worked out once
/// (see ``Insights``), so each value is quick to build again.
struct LatencyStatsObject: MustacheObject {
    let insights: Insights
    let budget: LatencyBudget

    enum Key: String, CaseIterable {
        case overBudgetText, hasOverBudget, metrics, hasMetrics, e2e, hasE2E
        case slowTurnCount, hasSlowTurns, slowTurnsText, slowTurns, slowTurnsPreview, moreSlowTurns, hasMoreSlowTurns
    }

    static let keys = NameTable(Key.allCases.map { ($0.rawValue, $0) })

    func member(_ name: String) -> MustacheValue? {
        // Not `Self.keys[name].map(value)`: the closure it makes copies the object (retaining
        // each of its fields) for every look-up.
        guard let key = Self.keys[name] else { return nil }
        return value(key)
    }

    func value(_ key: Key) -> MustacheValue {
        let slowTurnCount = insights.slowTurnCount
        let previewLimit = LatencyContext.slowTurnPreviewLimit
        switch key {
        case .overBudgetText: return .string(overBudget.joined(separator: ", "))
        case .hasOverBudget: return .bool(!overBudget.isEmpty)
        case .metrics:
            return .list(insights.measuredMetrics.compactMap { metric in
                insights.statistics(of: metric).map { .computed(LatencyRowObject(metric: metric, statistics: $0, budget: budget[metric])) }
            })
        case .hasMetrics: return .bool(!insights.measuredMetrics.isEmpty)
        case .e2e:
            return e2eStatistics.map { .computed(LatencyRowObject(metric: .e2eLatency, statistics: $0, budget: budget[.e2eLatency])) }
                ?? .null
        case .hasE2E: return .bool(e2eStatistics != nil)
        case .slowTurnCount: return .int(slowTurnCount)
        case .hasSlowTurns: return .bool(slowTurnCount > 0)
        case .slowTurnsText: return .string(ReportContext.counted(slowTurnCount, "slow turn", "slow turns"))
        // A run or a report may have hundreds of thousands of slow turns: they are gathered, and
        // their values built, only when a template lists them.
        case .slowTurns: return .list(insights.slowTurns.map { .object(LatencyContext.slowTurn($0)) })
        case .slowTurnsPreview:
            return .list(insights.slowTurns(prefix: previewLimit).map { .object(LatencyContext.slowTurn($0)) })
        case .moreSlowTurns: return .int(max(0, slowTurnCount - previewLimit))
        case .hasMoreSlowTurns: return .bool(slowTurnCount > previewLimit)
        }
    }

    /// The e2e statistics, when a turn measured them (only measured metrics have rows).
    private var e2eStatistics: LatencyStatistics? {
        insights.measuredMetrics.contains(.e2eLatency) ? insights.statistics(of: .e2eLatency) : nil
    }

    /// `e2e_latency 2.1 s (budget 1.5 s)` for each metric whose p95 is over its budget.
    private var overBudget: [String] {
        insights.measuredMetrics.compactMap { metric -> String? in
            guard let statistics = insights.statistics(of: metric), let limit = budget[metric], statistics.p95 > limit
            else { return nil }
            return "\(metric.payloadName) \(InsightFormat.format(statistics.p95)) (budget \(InsightFormat.format(limit)))"
        }
    }
}
