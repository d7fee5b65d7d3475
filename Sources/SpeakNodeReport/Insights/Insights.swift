/// What a conversation, a test, a run or the whole input says about the voice experience:
/// latency statistics, slow turns and conversation signals.
///
/// Insights of a test are those of all its attempts together (not only the deciding one),
/// those of a run all its tests', and those of a report all its runs': statistics are always
/// computed from every measured turn, never from the statistics of the parts.
public struct Insights: Sendable, Hashable {
    /// Every measured value, kept so insights can be combined.
    public var samples: LatencySamples
    /// Statistics of each measured metric; a metric no turn measured has none.
    public var latency: [LatencyMetric: LatencyStatistics]
    /// Turns over the budget, in order (attempts in order, turns in transcript order).
    public var slowTurns: [SlowTurn]
    public var signals: ConversationSignals

    public init(samples: LatencySamples = LatencySamples(), slowTurns: [SlowTurn] = [], signals: ConversationSignals = ConversationSignals()) {
        self.samples = samples
        self.latency = samples.statistics
        self.slowTurns = slowTurns
        self.signals = signals
    }

    /// The insights of one conversation, with slow turns judged against `budget`.
    public init(conversation: Conversation, budget: LatencyBudget) {
        self.init(
            samples: LatencySamples(history: conversation.history),
            slowTurns: SlowTurn.all(in: conversation, budget: budget),
            signals: ConversationSignals(history: conversation.history)
        )
    }

    /// The insights of several parts together, in the order given.
    public init(combining parts: [Insights]) {
        self.init(
            samples: parts.reduce(into: LatencySamples()) { $0 += $1.samples },
            slowTurns: parts.flatMap(\.slowTurns),
            signals: parts.reduce(into: ConversationSignals()) { $0 += $1.signals }
        )
    }

    /// The statistics of one metric, when any turn measured it.
    public func statistics(of metric: LatencyMetric) -> LatencyStatistics? { latency[metric] }

    /// The metrics with statistics, in ``LatencyMetric`` order, so renderers list them stably.
    public var measuredMetrics: [LatencyMetric] { latency.keys.sorted() }

    /// How many turns were over budget.
    public var slowTurnCount: Int { slowTurns.count }
}
