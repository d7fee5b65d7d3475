/// What a conversation, a test, a run or the whole input says about the voice experience:
/// latency statistics, slow turns and conversation signals.
///
/// Insights of a test are those of all its attempts together (not only the deciding one),
/// those of a run all its tests', and those of a report all its runs': statistics are always
/// computed from every measured turn, never from the statistics of the parts.
///
/// A conversation's insights keep its transcript, from which its measured values and slow
/// turns are read when asked, and combined insights keep their parts (see ``Storage``): no
/// measured value or slow turn is copied, neither by its conversation nor again by its test,
/// its run and the report. ``samples`` and ``slowTurns`` gather them when asked;
/// ``slowTurnCount``, ``signals`` and the statistics of combined insights are worked out once.
public struct Insights: Sendable {
    /// Statistics of each measured metric; a metric no turn measured has none.
    public var latency: [LatencyMetric: LatencyStatistics] {
        get { (statistics ?? samples.statisticsByMetric).dictionary }
        set { statistics = LatencyStatisticsByMetric(newValue) }
    }

    /// The statistics when worked out up front: those of combined insights (tests, runs, the
    /// report), which reports read again and again. A single conversation's are worked out
    /// when asked, since reports show them only for its test as a whole.
    private var statistics: LatencyStatisticsByMetric?
    public var signals: ConversationSignals
    /// How many turns were over budget.
    public private(set) var slowTurnCount: Int
    private var storage: Storage

    /// Where the samples and slow turns are kept.
    private enum Storage: Sendable {
        /// A conversation's: its samples and slow turns are read from its transcript when
        /// asked, as the transcript is kept anyway. A copy of them took 16 bytes a slow turn
        /// and 8 a measured value, for every turn of the input.
        case conversation(SlowTurn.Source)
        /// Given (boxed, so that the storage of every conversation's insights stays one pointer).
        indirect case measured(LatencySamples, slowTurns: [SlowTurn])
        /// Those of the parts, in order.
        case combined([Insights])
    }

    public init(samples: LatencySamples = LatencySamples(), slowTurns: [SlowTurn] = [], signals: ConversationSignals = ConversationSignals()) {
        self.statistics = nil
        self.signals = signals
        self.slowTurnCount = slowTurns.count
        self.storage = .measured(samples, slowTurns: slowTurns)
    }

    /// The insights of one conversation, with slow turns judged against `budget`.
    ///
    /// Borrowed: the insights keep only the parts they read (the history, ids and times), and
    /// a copy of the whole conversation would retain every text in it.
    public init(conversation: borrowing Conversation, budget: LatencyBudget) {
        let source = SlowTurn.Source(conversation: conversation, budget: budget)
        statistics = nil
        signals = ConversationSignals(history: conversation.history)
        slowTurnCount = SlowTurn.count(in: source)
        storage = .conversation(source)
    }

    /// The insights of several parts together, in the order given.
    public init(combining parts: [Insights]) {
        self.init(combining: parts, statistics: Self.samples(of: parts).statisticsByMetric)
    }

    /// The insights of several parts together, in the order given, with the statistics of
    /// each metric worked out on a core of its own: for a whole report, whose hundreds of
    /// thousands of values are combined once everything else is done.
    init(combiningConcurrently parts: [Insights]) {
        self.init(combining: parts, statistics: Self.samples(of: parts).concurrentStatisticsByMetric)
    }

    /// The insights of `parts` together, whose `statistics` are already worked out.
    private init(combining parts: [Insights], statistics: LatencyStatisticsByMetric) {
        if parts.count == 1 {
            // The part itself, with its statistics kept: most tests have one attempt, whose
            // insights a list of one would only hold a second time.
            self = parts[0]
            self.statistics = statistics
            return
        }
        self.statistics = statistics
        signals = parts.reduce(into: ConversationSignals()) { $0 += $1.signals }
        slowTurnCount = parts.reduce(0) { $0 + $1.slowTurnCount }
        storage = .combined(parts)
    }

    /// Every measured value, kept so insights can be combined.
    public var samples: LatencySamples {
        get {
            switch storage {
            case .conversation(let source): LatencySamples(history: source.history)
            case .measured(let samples, _): samples
            case .combined(let parts): Self.samples(of: parts)
            }
        }
        set { storage = .measured(newValue, slowTurns: slowTurns) }
    }

    /// Turns over the budget, in order (attempts in order, turns in transcript order).
    public var slowTurns: [SlowTurn] {
        get {
            switch storage {
            case .conversation(let source):
                // A conversation without slow turns need not be read again to find none.
                return slowTurnCount == 0 ? [] : SlowTurn.all(in: source, count: slowTurnCount)
            case .measured(_, let slowTurns): return slowTurns
            case .combined(let parts):
                var slowTurns: [SlowTurn] = []
                slowTurns.reserveCapacity(slowTurnCount)
                Self.forEachMeasured(in: parts) { part in slowTurns += part.slowTurns }
                return slowTurns
            }
        }
        set {
            storage = .measured(samples, slowTurns: newValue)
            slowTurnCount = newValue.count
        }
    }

    /// The first `limit` slow turns, in order, without gathering the others: for previews
    /// of a run's or a report's slow turns, which may be hundreds of thousands.
    public func slowTurns(prefix limit: Int) -> [SlowTurn] {
        guard case .combined(let parts) = storage else { return Array(slowTurns.prefix(limit)) }
        var slowTurns: [SlowTurn] = []
        for part in parts where slowTurns.count < limit {
            slowTurns += part.slowTurns(prefix: limit - slowTurns.count)
        }
        return slowTurns
    }

    /// The statistics of one metric, when any turn measured it.
    public func statistics(of metric: LatencyMetric) -> LatencyStatistics? {
        if let statistics { return statistics[metric] }
        return LatencyStatistics(samples.values(of: metric))
    }

    /// The metrics with statistics, in ``LatencyMetric`` order, so renderers list them stably.
    public var measuredMetrics: [LatencyMetric] {
        if let statistics { return statistics.metrics }
        let counts = samples.counts
        return LatencyMetric.allCases.filter { counts[$0.index] > 0 }
    }

    /// The samples of `parts`, one after the other: kept by the parts, not copied (see
    /// ``LatencySamples/init(joining:)``).
    private static func samples(of parts: [Insights]) -> LatencySamples {
        LatencySamples(joining: measuredSamples(of: parts))
    }

    /// The samples that `parts` hold, in order: each part's own, or its parts', down to
    /// those measured.
    private static func measuredSamples(of parts: [Insights]) -> [LatencySamples] {
        var samples: [LatencySamples] = []
        forEachMeasured(in: parts) { part in samples.append(part.samples) }
        return samples
    }

    /// Calls `body` with each insights that measured its samples and slow turns, in order:
    /// `parts` themselves, or their parts, down to those measured. The parts are read in
    /// place, not copied.
    private static func forEachMeasured(in parts: [Insights], _ body: (borrowing Insights) -> Void) {
        parts.withUnsafeBufferPointer { parts in
            for index in parts.indices {
                switch parts[index].storage {
                case .conversation, .measured: body(parts[index])
                case .combined(let inner): forEachMeasured(in: inner, body)
                }
            }
        }
    }
}

extension Insights: Hashable {
    /// Equal when they hold the same values, however they are stored.
    public static func == (lhs: Insights, rhs: Insights) -> Bool {
        lhs.latency == rhs.latency && lhs.signals == rhs.signals && lhs.slowTurnCount == rhs.slowTurnCount
            && lhs.samples == rhs.samples && lhs.slowTurns == rhs.slowTurns
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(latency)
        hasher.combine(signals)
        hasher.combine(samples)
        hasher.combine(slowTurns)
    }
}
