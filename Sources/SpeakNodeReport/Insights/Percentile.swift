/// Percentiles by linear interpolation between closest ranks, the "C = 1" method that
/// Excel's `PERCENTILE.INC`, NumPy's default (`linear`) and R's type 7 use.
///
/// For `n` values sorted ascending `v[0] … v[n−1]` and a fraction `p` from 0 to 1, the rank is
/// `r = p · (n − 1)`; the percentile is `v[⌊r⌋] + (r − ⌊r⌋) · (v[⌈r⌉] − v[⌊r⌋])`. So p50 of
/// `[1, 2, 3, 4]` is 2.5, p90 is 3.7 and p95 is 3.85; p0 is the minimum and p100 the maximum.
/// It never invents a value outside the measured range, which suits small samples such as
/// the dozen turns of one conversation.
public enum Percentile {
    /// The percentile `fraction` (0…1, clamped) of values already sorted ascending;
    /// `nil` when there are none.
    public static func inclusive(_ fraction: Double, ofSorted sortedValues: [Double]) -> Double? {
        guard let first = sortedValues.first, let last = sortedValues.last else { return nil }
        guard fraction.isFinite else { return nil }
        if fraction <= 0 { return first }
        if fraction >= 1 { return last }
        return Interpolation(fraction, count: sortedValues.count).value { sortedValues[$0] }
    }

    /// The percentile `fraction` of values in any order; `nil` when there are none.
    public static func inclusive(_ fraction: Double, of values: [Double]) -> Double? {
        inclusive(fraction, ofSorted: values.sorted())
    }

    /// Where a percentile strictly between p0 and p100 of `count` values lies: `weight` of the
    /// way from the value at rank `lower` to the one at rank `upper` (ranks in sorted order).
    ///
    /// Knowing the two ranks first lets ``LatencyStatistics`` find just those values instead
    /// of sorting all of them.
    struct Interpolation {
        var lower: Int
        var upper: Int
        var weight: Double

        /// `fraction` is in 0<…<1 and `count` at least 1.
        init(_ fraction: Double, count: Int) {
            let rank = fraction * Double(count - 1)
            let lowerRank = rank.rounded(.down)
            lower = Int(lowerRank)
            upper = Swift.min(lower + 1, count - 1)
            weight = rank - lowerRank
        }

        /// The percentile, given the value sorting puts at a rank.
        func value(_ valueAtRank: (Int) -> Double) -> Double {
            let lowerValue = valueAtRank(lower)
            return lowerValue + weight * (valueAtRank(upper) - lowerValue)
        }
    }
}
