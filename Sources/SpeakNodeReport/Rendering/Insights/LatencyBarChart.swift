import Mustache

/// The geometry of a horizontal bar chart of each test's p95 of one metric against its
/// budget, for an inline SVG chart: one row per test that measured the metric, in report
/// order, the budget drawn as a vertical line and bars over it flagged `isOverBudget`.
struct LatencyBarChart: MustacheObject {
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

    enum Key: String, CaseIterable {
        case width, height, viewBox, rows, plotTop, plotBottom, budgetLabelY, budgetX, budget, hasBudget
    }

    static let keys = NameTable(Key.allCases.map { ($0.rawValue, $0) })

    /// The chart's template values: `width`, `height`, `viewBox`, `rows` (with `name`, `label`,
    /// `p95`, `y`, `textY`, `barX`, `barWidth`, `barHeight`, `valueX`, `isOverBudget`),
    /// `budgetX`, `budget`, `hasBudget`, `plotTop`, `plotBottom`, `budgetLabelY`; each worked
    /// out when a template looks it up, so that a run's row per test is built only while a
    /// template draws it, not kept with the context.
    func member(_ name: String) -> MustacheValue? {
        guard let key = Self.keys[name] else { return nil }
        let height = Self.top + Double(rows.count) * Self.rowHeight + Self.bottom
        switch key {
        case .width: return .string(InsightFormat.coordinate(Self.chartWidth))
        case .height: return .string(InsightFormat.coordinate(height))
        case .viewBox: return .string("0 0 \(InsightFormat.coordinate(Self.chartWidth)) \(InsightFormat.coordinate(height))")
        case .rows: return .list(rowValues)
        case .plotTop: return .string(InsightFormat.coordinate(Self.top))
        case .plotBottom: return .string(InsightFormat.coordinate(height - Self.bottom + 2))
        case .budgetLabelY: return .string(InsightFormat.coordinate(height - 4))
        case .budgetX: return MustacheValue(budget.map { InsightFormat.coordinate(Self.barLeft + Self.length($0, scale: scale)) })
        case .budget: return MustacheValue(budget.map(InsightFormat.format))
        case .hasBudget: return .bool(budget != nil)
        }
    }

    /// Where the bars start, after the labels.
    private static let barLeft = labelWidth + 8

    /// The seconds the whole bar space stands for: the longest bar or the budget, with room to spare.
    private var scale: Double { Swift.max(rows.map(\.p95).max() ?? 0, budget ?? 0) * 1.05 }

    /// The length of a bar of `seconds`.
    private static func length(_ seconds: Double, scale: Double) -> Double {
        scale > 0 ? seconds / scale * (chartWidth - barLeft - valueWidth) : 0
    }

    private var rowValues: [MustacheValue] {
        let barLeft = Self.barLeft
        let scale = scale
        return rows.enumerated().map { index, row in
            let y = Self.top + Double(index) * Self.rowHeight
            let barWidth = Swift.max(1, Self.length(row.p95, scale: scale))
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
    }
}
