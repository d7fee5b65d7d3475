#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Mustache

/// The HTML report's latency section as numbers a template draws: one histogram a metric,
/// over every measured turn of the report, with the median, the 95th percentile and the
/// budget marked, and the statistics as text beside it.
///
/// Only geometry and numbers come from here; the SVG elements are written by the
/// `latency.html` template, so no markup is ever built from strings in Swift and nothing
/// payload-controlled reaches the chart.
enum LatencyChart {
    /// The drawing area of every chart, in SVG user units.
    static let width = 320.0
    static let height = 110.0
    /// Space under the bars for the axis labels.
    static let axisHeight = 16.0
    static let binCount = 20

    /// `latencyCharts` of the root context: `null` when no turn measured any latency.
    static func context(_ report: Report) -> MustacheValue {
        let insights = report.insights
        // The report's samples are gathered from every attempt each time they are asked for:
        // once here. Their values are copied out one metric at a time, each array let go of
        // once its chart is drawn: all metrics' at once are megabytes more at the peak, for
        // the same copying.
        let samples = insights.samples
        let metrics = insights.measuredMetrics.compactMap { metric -> MustacheValue? in
            guard let statistics = insights.statistics(of: metric) else { return nil }
            let values = samples.values(of: metric)
            guard !values.isEmpty else { return nil }
            return chart(metric, values: values, statistics: statistics, budget: report.budget[metric])
        }
        guard !metrics.isEmpty else { return .null }
        let slow = insights.slowTurnCount
        return [
            "metrics": .list(metrics),
            "slowTurns": .int(slow),
            "slowTurnsText": .string(ReportContext.counted(slow, "turn was", "turns were") + " over the latency budget"),
        ]
    }

    static func chart(_ metric: LatencyMetric, values: [Double], statistics: LatencyStatistics, budget: Double?) -> MustacheValue {
        let upper = niceUpperBound(max(statistics.p95 * 1.5, (budget ?? 0) * 1.2, statistics.p50 * 2))
        let binWidth = upper / Double(binCount)
        var bins = Array(repeating: 0, count: binCount)
        for value in values {
            bins[min(binCount - 1, max(0, Int(value / binWidth)))] += 1
        }
        let tallest = Double(bins.max() ?? 1)
        let plotHeight = height - axisHeight
        let barWidth = width / Double(binCount)
        let bars: [MustacheValue] = bins.enumerated().compactMap { index, count in
            guard count > 0 else { return nil }
            let barHeight = max(1, plotHeight * Double(count) / tallest)
            let from = Double(index) * binWidth
            let range = index == binCount - 1
                ? "\(LatencyText.text(from) ?? "0 ms") or more" : "\(LatencyText.text(from) ?? "0 ms") to \(LatencyText.text(from + binWidth) ?? "")"
            return [
                "x": .string(number(Double(index) * barWidth + 0.5)), "y": .string(number(plotHeight - barHeight)),
                "width": .string(number(barWidth - 1)), "height": .string(number(barHeight)),
                "label": .string("\(range): \(ReportContext.counted(count, "turn", "turns"))"),
            ]
        }
        func x(_ seconds: Double) -> String { number(min(width, seconds / upper * width)) }
        var markers: [MustacheValue] = [
            ["x": .string(x(statistics.p50)), "kind": "median", "label": .string("median \(LatencyText.text(statistics.p50) ?? "")")],
            ["x": .string(x(statistics.p95)), "kind": "p95", "label": .string("p95 \(LatencyText.text(statistics.p95) ?? "")")],
        ]
        if let budget {
            markers.append(["x": .string(x(budget)), "kind": "budget", "label": .string("budget \(LatencyText.text(budget) ?? "")")])
        }
        let ticks: [MustacheValue] = stride(from: 0, through: 4, by: 1).map { step in
            let seconds = upper * Double(step) / 4
            let anchor = step == 0 ? "start" : step == 4 ? "end" : "middle"
            return ["x": .string(number(seconds / upper * width)), "anchor": .string(anchor),
                    "label": .string(step == 0 ? "0" : LatencyText.text(seconds) ?? "")]
        }
        let over = budget.map { limit in values.reduce(0) { count, value in value > limit ? count + 1 : count } }
        return [
            "metric": .string(metric.payloadName),
            "title": .string(metric.title),
            "count": .int(statistics.count),
            "countText": .string(ReportContext.counted(statistics.count, "measured turn", "measured turns")),
            "p50": .string(LatencyText.text(statistics.p50) ?? "–"),
            "p90": .string(LatencyText.text(statistics.p90) ?? "–"),
            "p95": .string(LatencyText.text(statistics.p95) ?? "–"),
            "max": .string(LatencyText.text(statistics.max) ?? "–"),
            "budget": MustacheValue(budget.flatMap(LatencyText.text)),
            "overBudget": MustacheValue(over.map { "\($0) of \(statistics.count)" }),
            "hasOverBudget": .bool((over ?? 0) > 0),
            "width": .string(number(width)),
            "height": .string(number(height)),
            "plotHeight": .string(number(plotHeight)),
            "labelY": .string(number(height - 4)),
            "bars": .list(bars),
            "markers": .list(markers),
            "ticks": .list(ticks),
        ]
    }

    /// The smallest of 1, 2 or 5 times a power of ten that is at least `seconds` (and at least
    /// 0.1 s), so bins and axis labels are round numbers.
    static func niceUpperBound(_ seconds: Double) -> Double {
        guard seconds.isFinite, seconds > 0.1 else { return 0.1 }
        let power = pow(10, floor(log10(seconds)))
        for factor in [1.0, 2.0, 5.0, 10.0] where factor * power >= seconds - 1e-9 {
            return factor * power
        }
        return 10 * power
    }

    /// One decimal, no locale: `12.5` (the text of `String(format: "%.1f", locale: en_US_POSIX)`,
    /// without setting up a number formatter for every coordinate).
    static func number(_ value: Double) -> String {
        DurationText.formatted(value.isFinite ? value : 0, decimals: 1)
    }
}
