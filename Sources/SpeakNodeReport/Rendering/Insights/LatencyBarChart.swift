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
        // Each test read where it is stored: `tests.compactMap` would copy every test (retaining all it holds).
        rows = tests.withUnsafeBufferPointer { tests in
            tests.indices.compactMap { index in
                tests[index].insights.statistics(of: metric).map { Row(name: tests[index].name, p95: $0.p95) }
            }
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
    static let barLeft = labelWidth + 8

    /// The seconds the whole bar space stands for: the longest bar or the budget, with room to spare.
    private var scale: Double { Swift.max(rows.map(\.p95).max() ?? 0, budget ?? 0) * 1.05 }

    /// The length of a bar of `seconds`.
    static func length(_ seconds: Double, scale: Double) -> Double {
        scale > 0 ? seconds / scale * (chartWidth - barLeft - valueWidth) : 0
    }

    /// One ``LatencyBarRow`` a test: a run has a row per test, and each is made only while a
    /// template draws the chart.
    private var rowValues: [MustacheValue] {
        let scale = scale
        return rows.indices.map { index in
            .computed(LatencyBarRow(name: rows[index].name, p95: rows[index].p95, index: index, scale: scale, budget: budget))
        }
    }

    /// One bar of a ``LatencyBarChart``: `name`, `label`, `p95`, `y`, `textY`, `labelX`, `barX`,
    /// `barWidth`, `barHeight`, `valueX`, `isOverBudget`.
    ///
    /// A run's chart has a row per test: as dictionaries, every row hashed eleven keys into a
    /// table of its own, and wrote the three values that are the same in every row (`labelX`,
    /// `barX`, `barHeight`) again each time. The row's own texts are written once, when it is
    /// made (the template reads `p95` and `textY` twice).
    struct LatencyBarRow: MustacheObject {
        let name: String
        let label: String
        let p95: String
        let y: String
        let textY: String
        let barWidth: String
        let valueX: String
        let isOverBudget: Bool

        /// The row of the test `name` whose p95 is `p95`, at `index` from the top of a chart of
        /// `scale` (``LatencyBarChart/scale``) and `budget`.
        init(name: String, p95: Double, index: Int, scale: Double, budget: Double?) {
            let top = LatencyBarChart.top + Double(index) * LatencyBarChart.rowHeight
            let barWidth = Swift.max(1, LatencyBarChart.length(p95, scale: scale))
            self.name = name
            label = name.count > LatencyBarChart.maximumLabelLength
                ? String(name.prefix(LatencyBarChart.maximumLabelLength - 1)) + "…" : name
            self.p95 = InsightFormat.format(p95)
            y = InsightFormat.coordinate(top + 3)
            textY = InsightFormat.coordinate(top + 15)
            self.barWidth = InsightFormat.coordinate(barWidth)
            valueX = InsightFormat.coordinate(LatencyBarChart.barLeft + barWidth + 4)
            isOverBudget = budget.map { p95 > $0 } ?? false
        }

        enum Key: String, CaseIterable {
            case name, label, p95, y, textY, labelX, barX, barWidth, barHeight, valueX, isOverBudget
        }

        static let keys = NameTable(Key.allCases.map { ($0.rawValue, $0) })

        /// The values every row has.
        private static let labelX = InsightFormat.coordinate(LatencyBarChart.labelWidth)
        private static let barX = InsightFormat.coordinate(LatencyBarChart.barLeft)
        private static let barHeight = InsightFormat.coordinate(LatencyBarChart.rowHeight - 6)

        func member(_ name: String) -> MustacheValue? {
            // Not `Self.keys[name].map(value)`: the closure it makes copies the row (retaining
            // each of its texts) for every look-up.
            guard let key = Self.keys[name] else { return nil }
            return value(key)
        }

        func value(_ key: Key) -> MustacheValue {
            switch key {
            case .name: .string(name)
            case .label: .string(label)
            case .p95: .string(p95)
            case .y: .string(y)
            case .textY: .string(textY)
            case .labelX: .string(Self.labelX)
            case .barX: .string(Self.barX)
            case .barWidth: .string(barWidth)
            case .barHeight: .string(Self.barHeight)
            case .valueX: .string(valueX)
            case .isOverBudget: .bool(isOverBudget)
            }
        }
    }
}
