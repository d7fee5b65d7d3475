/// The statistics of the measured metrics of some insights, as every test, run and report keeps
/// them: an array of exactly the measured metrics' statistics in ``LatencyMetric`` order, and a
/// byte saying which metrics those are.
///
/// A dictionary of the five metrics took a 400-byte allocation for every test; this takes 240,
/// and finds a metric's statistics by counting the measured metrics before it.
struct LatencyStatisticsByMetric: Sendable, Hashable {
    /// The metrics that have statistics.
    private var measured: LatencyMetricSet = []
    /// The statistics of each metric of `measured`, in ``LatencyMetric`` order.
    private var statistics: [LatencyStatistics] = []

    init() {}

    /// The statistics given for each metric, by ``LatencyMetric/index``; `nil` for a metric
    /// no turn measured.
    init(byMetricIndex statisticsByIndex: [LatencyStatistics?]) {
        statistics.reserveCapacity(statisticsByIndex.lazy.filter { $0 != nil }.count)
        for metric in LatencyMetric.allCases {
            guard metric.index < statisticsByIndex.count, let metricStatistics = statisticsByIndex[metric.index] else { continue }
            measured.insert(metric)
            statistics.append(metricStatistics)
        }
    }

    init(_ dictionary: [LatencyMetric: LatencyStatistics]) {
        self.init(byMetricIndex: LatencyMetric.allCases.map { dictionary[$0] })
    }

    /// The statistics of `metric`, when a turn measured it.
    subscript(metric: LatencyMetric) -> LatencyStatistics? {
        guard measured.contains(metric) else { return nil }
        // The metrics before this one (lower bits) that have statistics come before it in the array.
        let before = measured.rawValue & (UInt8(1 << metric.index) - 1)
        return statistics[before.nonzeroBitCount]
    }

    /// The metrics with statistics, in ``LatencyMetric`` order.
    var metrics: [LatencyMetric] {
        var metrics: [LatencyMetric] = []
        metrics.reserveCapacity(statistics.count)
        for metric in LatencyMetric.allCases where measured.contains(metric) { metrics.append(metric) }
        return metrics
    }

    var isEmpty: Bool { measured.isEmpty }

    /// The same statistics, keyed by metric.
    var dictionary: [LatencyMetric: LatencyStatistics] {
        // Sized up front, and filled in array order: the summary asks for every test's.
        var dictionary = [LatencyMetric: LatencyStatistics](minimumCapacity: statistics.count)
        var position = 0
        for metric in LatencyMetric.allCases where measured.contains(metric) {
            dictionary[metric] = statistics[position]
            position += 1
        }
        return dictionary
    }
}
