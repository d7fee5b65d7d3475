import Mustache

/// The geometry of a histogram of one metric's values for an inline SVG chart, worked out
/// here so templates only place ready numbers (`x`, `y`, `width`, `height`) into `<rect>`s.
///
/// Bins have a round width (100 ms, 250 ms, 500 ms, 1 s, …) chosen so that at most
/// ``maximumBins`` cover everything from 0 to the largest value or the budget, whichever is
/// larger; the budget is drawn as a line.
struct LatencyHistogram: Hashable {
    struct Bin: Hashable {
        var lower: Double
        var upper: Double
        var count: Int
    }

    var bins: [Bin]
    var binWidth: Double
    var budget: Double?

    static let maximumBins = 20
    static let roundWidths: [Double] = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 600, 3600]

    /// `nil` when there are no values.
    init?(values: [Double], budget: Double?) {
        let values = values.filter { $0.isFinite && $0 >= 0 }
        guard let largest = values.max() else { return nil }
        let top = Swift.max(largest, budget ?? 0)
        let width = Self.roundWidths.first { top / $0 < Double(Self.maximumBins) }
            ?? Swift.max(top / Double(Self.maximumBins), Double.leastNormalMagnitude)
        let binCount = Swift.min(Self.maximumBins, Swift.max(1, Int((top / width).rounded(.down)) + 1))
        var counts = Array(repeating: 0, count: binCount)
        for value in values {
            counts[Swift.min(binCount - 1, Int((value / width).rounded(.down)))] += 1
        }
        bins = counts.enumerated().map { index, count in
            Bin(lower: Double(index) * width, upper: Double(index + 1) * width, count: count)
        }
        binWidth = width
        self.budget = budget
    }

    // Drawing area, in SVG user units.
    static let chartWidth = 600.0
    static let chartHeight = 170.0
    static let left = 36.0, right = 12.0, top = 12.0, bottom = 28.0

    /// The chart's template values: `width`, `height`, `viewBox`, `bars` (with `x`, `y`,
    /// `width`, `height`, `count`, `range`, `isOverBudget`), `ticks` (axis labels with `x`,
    /// `text`), `budgetX`, `hasBudget`, `baselineY`, `plotLeft`, `plotRight`, `maxCount`.
    var context: [String: MustacheValue] {
        let plotWidth = Self.chartWidth - Self.left - Self.right
        let plotHeight = Self.chartHeight - Self.top - Self.bottom
        let upper = Double(bins.count) * binWidth
        let barWidth = plotWidth / Double(bins.count)
        let maxCount = Swift.max(1, bins.map(\.count).max() ?? 1)
        func x(_ seconds: Double) -> Double { Self.left + seconds / upper * plotWidth }

        let bars: [MustacheValue] = bins.enumerated().map { index, bin in
            let height = Double(bin.count) / Double(maxCount) * plotHeight
            return [
                "x": .string(InsightFormat.coordinate(Self.left + Double(index) * barWidth + 1)),
                "y": .string(InsightFormat.coordinate(Self.top + plotHeight - height)),
                "width": .string(InsightFormat.coordinate(Swift.max(1, barWidth - 2))),
                "height": .string(InsightFormat.coordinate(height)),
                "count": .int(bin.count),
                "range": .string("\(InsightFormat.format(bin.lower))–\(InsightFormat.format(bin.upper))"),
                "isOverBudget": .bool(budget.map { bin.lower >= $0 } ?? false),
            ]
        }
        let step = Swift.max(1, Int((Double(bins.count) / 5).rounded(.up)))
        let ticks: [MustacheValue] = stride(from: 0, through: bins.count, by: step).map { index in
            let seconds = Double(index) * binWidth
            return ["x": .string(InsightFormat.coordinate(x(seconds))),
                    "text": .string(index == 0 ? "0" : InsightFormat.format(seconds))]
        }
        return [
            "width": .string(InsightFormat.coordinate(Self.chartWidth)),
            "height": .string(InsightFormat.coordinate(Self.chartHeight)),
            "viewBox": .string("0 0 \(InsightFormat.coordinate(Self.chartWidth)) \(InsightFormat.coordinate(Self.chartHeight))"),
            "bars": .list(bars),
            "ticks": .list(ticks),
            "tickY": .string(InsightFormat.coordinate(Self.chartHeight - 8)),
            "baselineY": .string(InsightFormat.coordinate(Self.top + plotHeight)),
            "plotTop": .string(InsightFormat.coordinate(Self.top)),
            "plotLeft": .string(InsightFormat.coordinate(Self.left)),
            "plotRight": .string(InsightFormat.coordinate(Self.chartWidth - Self.right)),
            "maxCount": .int(maxCount),
            "maxCountY": .string(InsightFormat.coordinate(Self.top + 10)),
            "budgetX": MustacheValue(budget.map { InsightFormat.coordinate(x($0)) }),
            "budget": MustacheValue(budget.map(InsightFormat.format)),
            "hasBudget": .bool(budget != nil),
            "binWidth": .string(InsightFormat.format(binWidth)),
        ]
    }
}
