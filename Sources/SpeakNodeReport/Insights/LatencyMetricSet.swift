/// Some latency metrics, one bit each: which metrics of a turn went over budget, stored by
/// every ``SlowTurn`` in one byte instead of an array of its own.
struct LatencyMetricSet: OptionSet, Sendable, Hashable {
    let rawValue: UInt8

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init(_ metric: LatencyMetric) { rawValue = 1 << UInt8(metric.index) }

    func contains(_ metric: LatencyMetric) -> Bool { contains(Self(metric)) }

    mutating func insert(_ metric: LatencyMetric) { formUnion(Self(metric)) }
}
