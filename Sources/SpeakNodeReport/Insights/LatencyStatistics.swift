/// Count, percentiles and maximum of one latency metric over a set of turns, in seconds.
///
/// Percentiles follow ``Percentile`` (linear interpolation between closest ranks). Only
/// measured turns count: there are no statistics for a metric no turn measured.
public struct LatencyStatistics: Sendable, Hashable, Codable {
    /// How many turns measured the metric.
    public var count: Int
    public var p50: Double
    public var p90: Double
    public var p95: Double
    public var max: Double

    public init(count: Int, p50: Double, p90: Double, p95: Double, max: Double) {
        self.count = count
        self.p50 = p50
        self.p90 = p90
        self.p95 = p95
        self.max = max
    }

    /// The statistics of some measured values in any order; `nil` when there are none.
    ///
    /// Only the values at the ranks the percentiles and the maximum need are put in sorted
    /// position (see ``Swift/Array/moveToSortedPositions(ranks:)``), which gives exactly the
    /// numbers sorting everything would.
    public init?(_ values: consuming [Double]) {
        guard !values.isEmpty else { return nil }
        let count = values.count
        let p50 = Percentile.Interpolation(0.5, count: count)
        let p90 = Percentile.Interpolation(0.9, count: count)
        let p95 = Percentile.Interpolation(0.95, count: count)
        // Reordered in place when the caller hands over values it no longer needs.
        var ordered = consume values
        ordered.moveToSortedPositions(ranks: [p50.lower, p50.upper, p90.lower, p90.upper, p95.lower, p95.upper, count - 1])
        self.init(
            count: count,
            p50: p50.value { ordered[$0] },
            p90: p90.value { ordered[$0] },
            p95: p95.value { ordered[$0] },
            max: ordered[count - 1]
        )
    }

    /// The same statistics with every value rounded to `decimals` places, so written numbers
    /// do not show floating-point noise such as `3.8499999999999996`.
    public func rounded(toDecimals decimals: Int) -> LatencyStatistics {
        LatencyStatistics(
            count: count,
            p50: p50.rounded(toDecimals: decimals),
            p90: p90.rounded(toDecimals: decimals),
            p95: p95.rounded(toDecimals: decimals),
            max: max.rounded(toDecimals: decimals)
        )
    }
}

extension Double {
    /// This value rounded half away from zero to `decimals` places after the point.
    func rounded(toDecimals decimals: Int) -> Double {
        guard isFinite else { return self }
        var scale = 1.0
        for _ in 0..<Swift.max(0, decimals) { scale *= 10 }
        let scaled = self * scale
        // A value too large to scale has no digits after the point to round anyway.
        guard scaled.isFinite else { return self }
        return scaled.rounded() / scale
    }
}
