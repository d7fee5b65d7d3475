/// The measured values of every latency metric over a set of turns, kept so that statistics
/// of a test, a run or the whole input come from all of their turns (percentiles of
/// percentiles would be meaningless).
public struct LatencySamples: Sendable, Hashable {
    /// Seconds per metric, in turn order; a metric no turn measured has no entry.
    public private(set) var valuesByMetric: [LatencyMetric: [Double]]

    public init(_ valuesByMetric: [LatencyMetric: [Double]] = [:]) {
        self.valuesByMetric = valuesByMetric.filter { !$0.value.isEmpty }
    }

    /// The measured metrics of a transcript's turns (see ``LatencyMetric/value(in:)``).
    public init(history: [HistoryItem]) {
        // One column per metric, filled by position: hashing the metric for every value
        // would cost more than reading it.
        let metrics = LatencyMetric.allCases
        var columns = [[Double]](repeating: [], count: metrics.count)
        for index in history.indices {
            guard let turn = history[index].metrics else { continue }
            for (column, metric) in metrics.enumerated() {
                if let value = metric.value(in: turn) { columns[column].append(value) }
            }
        }
        self.init(Dictionary(uniqueKeysWithValues: zip(metrics, columns)))
    }

    /// The samples of several sets, one after the other.
    public init(joining parts: [LatencySamples]) {
        var values: [LatencyMetric: [Double]] = [:]
        for part in parts {
            for (metric, partValues) in part.valuesByMetric { values[metric, default: []] += partValues }
        }
        self.init(values)
    }

    /// The values of one metric (empty when none was measured).
    public func values(of metric: LatencyMetric) -> [Double] { valuesByMetric[metric] ?? [] }

    /// Statistics of every measured metric.
    public var statistics: [LatencyMetric: LatencyStatistics] {
        valuesByMetric.compactMapValues(LatencyStatistics.init)
    }

    /// The samples of both, one after the other.
    public static func + (lhs: LatencySamples, rhs: LatencySamples) -> LatencySamples {
        LatencySamples(lhs.valuesByMetric.merging(rhs.valuesByMetric, uniquingKeysWith: +))
    }

    public static func += (lhs: inout LatencySamples, rhs: LatencySamples) { lhs = lhs + rhs }
}
