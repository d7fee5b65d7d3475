/// The measured values of every latency metric over a set of turns, kept so that statistics
/// of a test, a run or the whole input come from all of their turns (percentiles of
/// percentiles would be meaningless).
///
/// A conversation's samples are read from its transcript when asked (see ``Storage``): the
/// transcript is kept anyway, for the reports, and each of its turns stores its metrics, so a
/// copy of the values would only hold every measurement of the input a second time. Samples
/// given metric by metric are stored in one array of exactly their size, metric after metric.
/// Samples joined from several sets keep the sets, so the values of one metric of a whole
/// report are gathered without copying those of every other metric too.
public struct LatencySamples: Sendable {
    private var storage: Storage

    /// One pointer, so that insights, which every conversation, test and run keeps, stay small.
    private enum Storage: Sendable {
        /// The measured metrics of these turns (see ``LatencyMetric/value(in:)``), read from
        /// them in turn order.
        case transcript([HistoryItem])
        /// Every value, metric after metric in ``LatencyMetric`` order, each metric's in turn
        /// order; `ends` says where each metric's values end, by ``LatencyMetric/index``.
        indirect case stored([Double], ends: SIMD8<UInt32>)
        /// The values of these transcripts and stored samples, one after the other.
        case joined([LatencySamples])
    }

    /// Seconds per metric, in turn order; a metric no turn measured has no entry.
    public var valuesByMetric: [LatencyMetric: [Double]] {
        var valuesByMetric: [LatencyMetric: [Double]] = [:]
        for metric in LatencyMetric.allCases where count(of: metric) > 0 {
            valuesByMetric[metric] = values(of: metric)
        }
        return valuesByMetric
    }

    public init(_ valuesByMetric: [LatencyMetric: [Double]] = [:]) {
        self.init(counts: LatencyMetric.allCases.map { valuesByMetric[$0]?.count ?? 0 }) { metric, values in
            values += valuesByMetric[metric] ?? []
        }
    }

    /// The measured metrics of a transcript's turns (see ``LatencyMetric/value(in:)``), read
    /// from the turns whenever they are asked for.
    public init(history: [HistoryItem]) {
        storage = .transcript(history)
    }

    /// The samples of several sets, one after the other.
    public init(joining parts: [LatencySamples]) {
        var stored: [LatencySamples] = []
        for part in parts {
            switch part.storage {
            case .transcript, .stored: stored.append(part)
            case .joined(let inner): stored += inner
            }
        }
        storage = stored.count == 1 ? stored[0].storage : .joined(stored)
    }

    /// Samples with `counts[metric.index]` values of each metric, which `fill` appends
    /// metric by metric in ``LatencyMetric`` order.
    private init(counts: [Int], fill: (LatencyMetric, inout [Double]) -> Void) {
        let total = counts.reduce(0, +)
        var ends = SIMD8<UInt32>(repeating: UInt32(total))
        var end = 0
        for metric in LatencyMetric.allCases {
            end += counts[metric.index]
            ends[metric.index] = UInt32(end)
        }
        var values: [Double] = []
        values.reserveCapacity(total)
        for metric in LatencyMetric.allCases { fill(metric, &values) }
        storage = .stored(values, ends: ends)
    }

    /// How many values of one metric there are.
    func count(of metric: LatencyMetric) -> Int {
        switch storage {
        case .transcript(let history):
            var count = 0
            Self.forEachMeasuredTurn(in: history) { turn in if metric.value(in: turn) != nil { count += 1 } }
            return count
        case .stored(_, let ends): return Self.range(of: metric, ends: ends).count
        case .joined(let parts): return Self.inPlace(parts) { parts in parts.indices.reduce(0) { $0 + parts[$1].count(of: metric) } }
        }
    }

    /// How many values of each metric there are, by ``LatencyMetric/index`` (0 for lanes
    /// past the last metric).
    var counts: SIMD8<Int> {
        switch storage {
        case .transcript(let history):
            var counts = SIMD8<Int>()
            Self.forEachMeasuredTurn(in: history) { turn in
                for metric in LatencyMetric.allCases where metric.value(in: turn) != nil { counts[metric.index] += 1 }
            }
            return counts
        case .stored(_, let ends):
            // Each metric's values end where the next one's start.
            let starts = SIMD8<UInt32>(0, ends[0], ends[1], ends[2], ends[3], ends[4], ends[5], ends[6])
            return SIMD8<Int>(truncatingIfNeeded: ends &- starts)
        case .joined(let parts):
            return Self.inPlace(parts) { parts in parts.indices.reduce(into: SIMD8<Int>()) { $0 &+= parts[$1].counts } }
        }
    }

    /// The values of every metric, by ``LatencyMetric/index``, each in order. Each transcript
    /// and stored set is read once for all metrics, not once a metric.
    ///
    /// The lists have room for as many values as there are turns rather than exactly their
    /// values: counting the values first took a second pass over every turn, and room that is
    /// never written to takes no memory.
    func valuesByMetricIndex() -> [[Double]] {
        var values = LatencyValueLists(capacity: valueCountBound)
        appendValues(to: &values)
        return values.byMetricIndex()
    }

    /// At least the number of values of any one metric: the turns of the transcripts (each
    /// measures a metric at most once) and the values of the stored sets.
    private var valueCountBound: Int {
        switch storage {
        case .transcript(let history): history.count
        case .stored(let stored, _): stored.count
        case .joined(let parts): Self.inPlace(parts) { parts in parts.indices.reduce(0) { $0 + parts[$1].valueCountBound } }
        }
    }

    /// Appends the values of each metric to its list, in order.
    private func appendValues(to values: inout LatencyValueLists) {
        switch storage {
        case .transcript(let history):
            Self.forEachMeasuredTurn(in: history) { turn in values.appendMeasured(in: turn) }
        case .stored(let stored, let ends):
            for metric in LatencyMetric.allCases {
                values.append(contentsOf: stored[Self.range(of: metric, ends: ends)], of: metric)
            }
        case .joined(let parts):
            Self.inPlace(parts) { parts in
                for index in parts.indices { parts[index].appendValues(to: &values) }
            }
        }
    }

    /// Appends the values of one metric to `values`, in order.
    func appendValues(of metric: LatencyMetric, to values: inout [Double]) {
        switch storage {
        case .transcript(let history):
            Self.forEachMeasuredTurn(in: history) { turn in
                if let value = metric.value(in: turn) { values.append(value) }
            }
        case .stored(let stored, let ends):
            values += stored[Self.range(of: metric, ends: ends)]
        case .joined(let parts):
            Self.inPlace(parts) { parts in
                for index in parts.indices { parts[index].appendValues(of: metric, to: &values) }
            }
        }
    }

    /// Calls `body` with the metrics of each turn of `history` that has metrics, in order.
    /// Only the metrics of each item are read, in place: a copy of an item would retain its texts.
    @inline(__always)
    private static func forEachMeasuredTurn(in history: [HistoryItem], _ body: (TurnMetrics) -> Void) {
        history.withUnsafeBufferPointer { items in
            for index in items.indices {
                if let turn = items[index].metrics { body(turn) }
            }
        }
    }

    /// `body` given the parts of joined samples to read in place: going through the array
    /// (`for part in parts`) would copy each part, retaining its values, for every metric read.
    private static func inPlace<Result>(
        _ parts: [LatencySamples], _ body: (UnsafeBufferPointer<LatencySamples>) -> Result
    ) -> Result {
        parts.withUnsafeBufferPointer(body)
    }

    /// Where the values of `metric` are among values stored with `ends`.
    private static func range(of metric: LatencyMetric, ends: SIMD8<UInt32>) -> Range<Int> {
        let index = metric.index
        let start = index == 0 ? 0 : Int(ends[index - 1])
        return start..<Int(ends[index])
    }

    /// The values of one metric (empty when none was measured).
    ///
    /// The list has room for a value a turn, as in ``valuesByMetricIndex()``: it is read and
    /// let go of, and counting the values first took a pass of its own over every turn.
    public func values(of metric: LatencyMetric) -> [Double] {
        var values: [Double] = []
        values.reserveCapacity(valueCountBound)
        appendValues(of: metric, to: &values)
        return values
    }

    /// Statistics of every measured metric.
    public var statistics: [LatencyMetric: LatencyStatistics] { statisticsByMetric.dictionary }

    /// Statistics of every measured metric, as insights keep them.
    var statisticsByMetric: LatencyStatisticsByMetric {
        var valuesByMetric = valuesByMetricIndex()
        return LatencyStatisticsByMetric(byMetricIndex: LatencyMetric.allCases.map { metric in
            // Taken out of the list, so the statistics reorder them in place instead of a copy.
            LatencyStatistics(Swift.exchange(&valuesByMetric[metric.index], with: []))
        })
    }

    /// ``statisticsByMetric``, the metrics side by side on the machine's cores: for the hundreds
    /// of thousands of values of a whole report, worked out when nothing else is left to run.
    var concurrentStatisticsByMetric: LatencyStatisticsByMetric {
        let valuesByMetric = ConcurrentSlots(valuesByMetricIndex())
        return LatencyStatisticsByMetric(byMetricIndex: LatencyMetric.allCases.concurrentMap { metric in
            LatencyStatistics(valuesByMetric.take(at: metric.index))
        })
    }

    /// The samples of both, one after the other.
    public static func + (lhs: LatencySamples, rhs: LatencySamples) -> LatencySamples {
        LatencySamples(joining: [lhs, rhs])
    }

    public static func += (lhs: inout LatencySamples, rhs: LatencySamples) { lhs = lhs + rhs }
}

extension LatencySamples: Hashable {
    /// Equal when every metric has the same values in the same order, however they are stored.
    public static func == (lhs: LatencySamples, rhs: LatencySamples) -> Bool {
        if case .stored(let lhsValues, let lhsEnds) = lhs.storage, case .stored(let rhsValues, let rhsEnds) = rhs.storage {
            // Stored samples are laid out the same way whenever their values are the same.
            return lhsEnds == rhsEnds && lhsValues == rhsValues
        }
        return LatencyMetric.allCases.allSatisfy { lhs.values(of: $0) == rhs.values(of: $0) }
    }

    public func hash(into hasher: inout Hasher) {
        for metric in LatencyMetric.allCases { hasher.combine(values(of: metric)) }
    }
}
