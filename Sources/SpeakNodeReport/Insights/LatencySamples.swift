/// The measured values of every latency metric over a set of turns, kept so that statistics
/// of a test, a run or the whole input come from all of their turns (percentiles of
/// percentiles would be meaningless).
///
/// Every conversation keeps its samples, so they are stored in one array of exactly their
/// size, metric after metric, instead of a dictionary of growing arrays: one allocation a
/// conversation instead of up to six, with no spare capacity.
public struct LatencySamples: Sendable, Hashable {
    /// Every value, metric after metric in ``LatencyMetric`` order, each metric's in turn order.
    private var values: [Double]
    /// Where each metric's values end in `values`, by ``LatencyMetric/index``; the lanes no
    /// metric uses hold `values.count`, so equal samples have equal storage.
    private var ends: SIMD8<UInt32>

    /// Seconds per metric, in turn order; a metric no turn measured has no entry.
    public var valuesByMetric: [LatencyMetric: [Double]] {
        var valuesByMetric: [LatencyMetric: [Double]] = [:]
        for metric in LatencyMetric.allCases where !range(of: metric).isEmpty {
            valuesByMetric[metric] = values(of: metric)
        }
        return valuesByMetric
    }

    public init(_ valuesByMetric: [LatencyMetric: [Double]] = [:]) {
        self.init(counts: LatencyMetric.allCases.map { valuesByMetric[$0]?.count ?? 0 }) { metric, append in
            for value in valuesByMetric[metric] ?? [] { append(value) }
        }
    }

    /// The measured metrics of a transcript's turns (see ``LatencyMetric/value(in:)``).
    public init(history: [HistoryItem]) {
        // Counted first, so the values go straight into an array of their size.
        var counts = [Int](repeating: 0, count: LatencyMetric.allCases.count)
        for index in history.indices {
            guard let turn = history[index].metrics else { continue }
            for metric in LatencyMetric.allCases where metric.value(in: turn) != nil { counts[metric.index] += 1 }
        }
        self.init(counts: counts) { metric, append in
            for index in history.indices {
                if let turn = history[index].metrics, let value = metric.value(in: turn) { append(value) }
            }
        }
    }

    /// The samples of several sets, one after the other.
    public init(joining parts: [LatencySamples]) {
        let counts = LatencyMetric.allCases.map { metric in parts.reduce(0) { $0 + $1.range(of: metric).count } }
        self.init(counts: counts) { metric, append in
            for part in parts {
                for value in part.slice(of: metric) { append(value) }
            }
        }
    }

    /// Samples with `counts[metric.index]` values of each metric, which `fill` appends
    /// metric by metric in ``LatencyMetric`` order.
    private init(counts: [Int], fill: (LatencyMetric, (Double) -> Void) -> Void) {
        let total = counts.reduce(0, +)
        var ends = SIMD8<UInt32>(repeating: UInt32(total))
        var end = 0
        for metric in LatencyMetric.allCases {
            end += counts[metric.index]
            ends[metric.index] = UInt32(end)
        }
        var values: [Double] = []
        values.reserveCapacity(total)
        for metric in LatencyMetric.allCases {
            fill(metric) { values.append($0) }
        }
        self.values = values
        self.ends = ends
    }

    /// Where the values of `metric` are in `values`.
    private func range(of metric: LatencyMetric) -> Range<Int> {
        let index = metric.index
        let start = index == 0 ? 0 : Int(ends[index - 1])
        return start..<Int(ends[index])
    }

    /// The values of one metric, in place.
    func slice(of metric: LatencyMetric) -> ArraySlice<Double> { values[range(of: metric)] }

    /// The values of one metric (empty when none was measured).
    public func values(of metric: LatencyMetric) -> [Double] { Array(slice(of: metric)) }

    /// Statistics of every measured metric.
    public var statistics: [LatencyMetric: LatencyStatistics] {
        var statistics: [LatencyMetric: LatencyStatistics] = [:]
        for metric in LatencyMetric.allCases {
            statistics[metric] = LatencyStatistics(values(of: metric))
        }
        return statistics
    }

    /// The samples of both, one after the other.
    public static func + (lhs: LatencySamples, rhs: LatencySamples) -> LatencySamples {
        LatencySamples(joining: [lhs, rhs])
    }

    public static func += (lhs: inout LatencySamples, rhs: LatencySamples) { lhs = lhs + rhs }
}
