import Mustache

/// Why the HTML report marks a turn "over budget": one clause per metric that went over its
/// budget, in ``LatencyMetric`` order, joined by `; `, e.g.
/// `End-to-end latency 2.20 s, over the 1.50 s budget; LLM time to first token 1.10 s, over the 1.00 s budget`.
///
/// Made once per report: which metrics have a budget, in which order, and how each budget
/// reads are the same for every turn, and a report has thousands of turns. The result is the
/// same as formatting each of ``LatencyBudget/overruns(in:)`` with ``LatencyText``.
struct SlowTurnText: Sendable {
    /// A budgeted metric with what every clause about it repeats.
    private struct Limit: Sendable {
        var metric: LatencyMetric
        var seconds: Double
        /// `End-to-end latency `
        var prefix: String
        /// `, over the 1.50 s budget`
        var suffix: String
    }

    private let limits: [Limit]

    init(budget: LatencyBudget) {
        limits = budget.budgetedMetrics.compactMap { metric in
            guard let seconds = budget[metric], let budgetText = LatencyText.text(seconds) else { return nil }
            return Limit(metric: metric, seconds: seconds, prefix: metric.title + " ", suffix: ", over the \(budgetText) budget")
        }
    }

    /// What went over budget in a turn, or `nil` when nothing did (or the turn has no metrics).
    ///
    /// As templates take it: its bytes are escaped straight into the report, with no string
    /// made of them (which would check them all as UTF-8 again). Most turns of a slow agent
    /// are over some budget, and the template inserts the text twice.
    func mustacheText(for metrics: TurnMetrics?) -> MustacheText? {
        guard let metrics else { return nil }
        // Written in pieces into one text: a clause is about 50 bytes, rarely more than two a turn.
        var text = MustacheText()
        var isOver = false
        for limit in limits {
            guard let value = limit.metric.value(in: metrics), value > limit.seconds,
                  let valueText = LatencyText.text(value) else { continue }
            if isOver {
                text.append("; " as StaticString)
            } else {
                text = MustacheText(capacity: 128)
                isOver = true
            }
            text.append(limit.prefix)
            text.append(valueText)
            text.append(limit.suffix)
        }
        return isOver ? text : nil
    }

    /// ``mustacheText(for:)`` as a string.
    func text(for metrics: TurnMetrics?) -> String? {
        mustacheText(for: metrics)?.string
    }
}
