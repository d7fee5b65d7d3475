import Mustache

/// The geometry of a horizontal bar chart of each test's p95 of one metric against its
/// budget, for an inline SVG chart: one row per test that measured the metric, in report
/// order, the budget drawn as a vertical line and bars over it flagged `isOverBudget`.
struct LatencyBarChart: Hashable {
    struct Row: Hashable {
        var name: String
        var p95: Double
    }

    var rows: [Row]
    var budget: Double?

    /// `nil` when no test measured `metric`.
    init?(tests: [TestResult], metric: LatencyMetric, budget: Double?) {
        rows = tests.compactMap { test in
            test.insights.statistics(of: metric).map { Row(name: test.name, p95: $0.p95) }
        }
        guard !rows.isEmpty else { return nil }
        self.budget = budget
    }

    static let chartWidth = 600.0
    static let labelWidth = 200.0
    static let valueWidth = 70.0
    static let rowHeight = 22.0
    static let top = 6.0, bottom = 18.0
    /// Test names longer than this are cut in the chart (the tables show them in full).
    static let maximumLabelLength = 30

    /// The chart's template values: `width`, `height`, `viewBox`, `rows` (with `name`, `label`,
    /// `p95`, `y`, `textY`, `barX`, `barWidth`, `barHeight`, `valueX`, `isOverBudget`),
    /// `budgetX`, `budget`, `hasBudget`, `plotTop`, `plotBottom`, `budgetLabelY`.
    var context: [String: MustacheValue] {
        let barLeft = Self.labelWidth + 8
        let barSpace = Self.chartWidth - barLeft - Self.valueWidth
        let scale = Swift.max(rows.map(\.p95).max() ?? 0, budget ?? 0) * 1.05
        func length(_ seconds: Double) -> Double { scale > 0 ? seconds / scale * barSpace : 0 }
        let height = Self.top + Double(rows.count) * Self.rowHeight + Self.bottom
        let values: [MustacheValue] = rows.enumerated().map { index, row in
            let y = Self.top + Double(index) * Self.rowHeight
            let barWidth = Swift.max(1, length(row.p95))
            let label = row.name.count > Self.maximumLabelLength
                ? String(row.name.prefix(Self.maximumLabelLength - 1)) + "…" : row.name
            return [
                "name": .string(row.name),
                "label": .string(label),
                "p95": .string(InsightFormat.format(row.p95)),
                "y": .string(InsightFormat.coordinate(y + 3)),
                "textY": .string(InsightFormat.coordinate(y + 15)),
                "labelX": .string(InsightFormat.coordinate(Self.labelWidth)),
                "barX": .string(InsightFormat.coordinate(barLeft)),
                "barWidth": .string(InsightFormat.coordinate(barWidth)),
                "barHeight": .string(InsightFormat.coordinate(Self.rowHeight - 6)),
                "valueX": .string(InsightFormat.coordinate(barLeft + barWidth + 4)),
                "isOverBudget": .bool(budget.map { row.p95 > $0 } ?? false),
            ]
        }
        return [
            "width": .string(InsightFormat.coordinate(Self.chartWidth)),
            "height": .string(InsightFormat.coordinate(height)),
            "viewBox": .string("0 0 \(InsightFormat.coordinate(Self.chartWidth)) \(InsightFormat.coordinate(height))"),
            "rows": .list(values),
            "plotTop": .string(InsightFormat.coordinate(Self.top)),
            "plotBottom": .string(InsightFormat.coordinate(height - Self.bottom + 2)),
            "budgetLabelY": .string(InsightFormat.coordinate(height - 4)),
            "budgetX": MustacheValue(budget.map { InsightFormat.coordinate(barLeft + length($0)) }),
            "budget": MustacheValue(budget.map(InsightFormat.format)),
            "hasBudget": .bool(budget != nil),
        ]
    }
}
