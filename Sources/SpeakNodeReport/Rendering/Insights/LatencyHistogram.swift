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
                "x": .string(LatencyText.coordinate(Self.left + Double(index) * barWidth + 1)),
                "y": .string(LatencyText.coordinate(Self.top + plotHeight - height)),
                "width": .string(LatencyText.coordinate(Swift.max(1, barWidth - 2))),
                "height": .string(LatencyText.coordinate(height)),
                "count": .int(bin.count),
                "range": .string("\(LatencyText.format(bin.lower))–\(LatencyText.format(bin.upper))"),
                "isOverBudget": .bool(budget.map { bin.lower >= $0 } ?? false),
            ]
        }
        let step = Swift.max(1, Int((Double(bins.count) / 5).rounded(.up)))
        let ticks: [MustacheValue] = stride(from: 0, through: bins.count, by: step).map { index in
            let seconds = Double(index) * binWidth
            return ["x": .string(LatencyText.coordinate(x(seconds))),
                    "text": .string(index == 0 ? "0" : LatencyText.format(seconds))]
        }
        return [
            "width": .string(LatencyText.coordinate(Self.chartWidth)),
            "height": .string(LatencyText.coordinate(Self.chartHeight)),
            "viewBox": .string("0 0 \(LatencyText.coordinate(Self.chartWidth)) \(LatencyText.coordinate(Self.chartHeight))"),
            "bars": .list(bars),
            "ticks": .list(ticks),
            "tickY": .string(LatencyText.coordinate(Self.chartHeight - 8)),
            "baselineY": .string(LatencyText.coordinate(Self.top + plotHeight)),
            "plotTop": .string(LatencyText.coordinate(Self.top)),
            "plotLeft": .string(LatencyText.coordinate(Self.left)),
            "plotRight": .string(LatencyText.coordinate(Self.chartWidth - Self.right)),
            "maxCount": .int(maxCount),
            "maxCountY": .string(LatencyText.coordinate(Self.top + 10)),
            "budgetX": MustacheValue(budget.map { LatencyText.coordinate(x($0)) }),
            "budget": MustacheValue(budget.map(LatencyText.format)),
            "hasBudget": .bool(budget != nil),
            "binWidth": .string(LatencyText.format(binWidth)),
        ]
    }
}
