#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A turn that took longer than the ``LatencyBudget`` allows, with what a reader needs to
/// find it in the recording and the transcript.
///
/// A large input has hundreds of thousands of slow turns, so one found in a conversation
/// stores only where it is: the conversation's ``Source`` (shared by all its slow turns),
/// the turn's position and which metrics went over budget, 16 bytes. Its texts, offset and
/// overruns are read from the transcript and the budget when asked, and are the same values
/// it would have stored. A slow turn made from given values, or changed, keeps its values.
/// Equality and hashing are those of the values, however they are stored. A conversation's
/// ``Insights`` keep only the source, and find its slow turns again when asked.
public struct SlowTurn: Sendable {
    private var storage: Storage

    private enum Storage: Sendable {
        /// A turn of a conversation's transcript and the metrics that went over budget (never empty).
        case found(Source, historyIndex: UInt32, overrun: LatencyMetricSet)
        /// Values given or changed.
        indirect case given(Values)
    }

    /// What every slow turn of one conversation reads its values from; what the conversation's
    /// ``Insights`` keep to find its slow turns and samples again.
    final class Source: Sendable {
        let sessionID: String?
        let history: [HistoryItem]
        /// When offsets start: the conversation's `start_time`, else its `agent_joined_at`.
        let start: Date?
        /// The budget of each metric by ``LatencyMetric/index``, infinite for a metric without
        /// one, as ``LatencyBudget`` checks turns against them: what the slow turns read their
        /// budgets from, without looking each metric up in the budget's dictionary.
        let budgets: SIMD8<Double>

        init(conversation: borrowing Conversation, budget: LatencyBudget) {
            sessionID = conversation.sessionID
            history = conversation.history
            start = conversation.startTime ?? conversation.agentJoinedAt
            var budgets = SIMD8<Double>(repeating: .infinity)
            for (metric, seconds) in budget.limits { budgets[metric.index] = seconds }
            self.budgets = budgets
        }

        /// Which metrics of a turn go over budget, as ``LatencyBudget/overrunMetrics(in:)``
        /// finds them: an unmeasured metric reads 0, which no budget (positive) is under.
        func overrunMetrics(in metrics: TurnMetrics) -> LatencyMetricSet {
            let over = LatencyMetric.measuredValues(in: metrics) .> budgets
            var overrun: LatencyMetricSet = []
            for metric in LatencyMetric.allCases where over[metric.index] { overrun.insert(metric) }
            return overrun
        }

        /// Calls `body` with the overrun of each metric of `overrun` (as ``overrunMetrics(in:)``
        /// found them in `metrics`), in ``LatencyMetric`` order, as ``LatencyBudget/overruns(of:in:)`` lists them.
        @inline(__always)
        func forEachOverrun(of overrun: LatencyMetricSet, in metrics: TurnMetrics, _ body: (BudgetOverrun) -> Void) {
            for metric in LatencyMetric.allCases where overrun.contains(metric) {
                guard let value = metric.value(in: metrics) else { continue }
                body(BudgetOverrun(metric: metric, value: value, budget: budgets[metric.index]))
            }
        }

        /// The overruns that ``forEachOverrun(of:in:_:)`` gives, as a list.
        func overruns(of overrun: LatencyMetricSet, in metrics: TurnMetrics) -> [BudgetOverrun] {
            var overruns: [BudgetOverrun] = []
            overruns.reserveCapacity(overrun.rawValue.nonzeroBitCount)
            forEachOverrun(of: overrun, in: metrics) { overruns.append($0) }
            return overruns
        }

        /// Reads fields of the item at `index` of the transcript where the array keeps it:
        /// `history[index].role` copied the whole item first, retaining and releasing each of
        /// its texts, to read one field. `field` gets the item's address so that it reads only
        /// what it asks for (`$0.pointee.role`); an item passed whole to a call is copied too.
        @inline(__always)
        func read<Result>(itemAt index: UInt32, _ field: (UnsafePointer<HistoryItem>) -> Result) -> Result {
            history.withUnsafeBufferPointer { items in
                let index = Int(index)
                guard items.indices.contains(index), let item = items.baseAddress?.advanced(by: index) else {
                    preconditionFailure("a slow turn's position is in its transcript")
                }
                return field(item)
            }
        }
    }

    /// Every value of a slow turn, as they are given.
    private struct Values: Sendable, Hashable {
        var sessionID: String?
        var historyIndex: Int
        var itemID: String?
        var role: String?
        var text: String?
        var offset: Double?
        var overruns: [BudgetOverrun]
    }

    public init(
        sessionID: String?, historyIndex: Int, itemID: String?, role: String?, text: String?,
        offset: Double?, overruns: [BudgetOverrun]
    ) {
        storage = .given(Values(
            sessionID: sessionID, historyIndex: historyIndex, itemID: itemID, role: role, text: text,
            offset: offset, overruns: overruns
        ))
    }

    /// The slow turn a history item makes, or `nil` when none of its metrics is over budget.
    ///
    /// The offset runs from the conversation's `start_time` (else `agent_joined_at`) to when
    /// the turn started speaking (else the item's `created_at`).
    public init?(item: HistoryItem, at historyIndex: Int, in conversation: Conversation, budget: LatencyBudget) {
        guard let metrics = item.metrics else { return nil }
        let overruns = budget.overruns(in: metrics)
        guard !overruns.isEmpty else { return nil }
        let start = conversation.startTime ?? conversation.agentJoinedAt
        self.init(
            sessionID: conversation.sessionID, historyIndex: historyIndex, itemID: item.id, role: item.role,
            text: item.content, offset: Self.offset(of: item, from: start), overruns: overruns
        )
    }

    /// The slow turn at `historyIndex` of `source`'s transcript, whose `overrun` metrics went over budget.
    private init(_ source: Source, at historyIndex: Int, overrun: LatencyMetricSet) {
        if let index = UInt32(exactly: historyIndex) {
            storage = .found(source, historyIndex: index, overrun: overrun)
        } else {
            // Not for any transcript that fits in memory; kept correct all the same.
            let item = source.history[historyIndex]
            storage = .given(Values(
                sessionID: source.sessionID, historyIndex: historyIndex, itemID: item.id, role: item.role,
                text: item.content, offset: Self.offset(of: item, from: source.start),
                overruns: item.metrics.map { source.overruns(of: overrun, in: $0) } ?? []
            ))
        }
    }

    /// Seconds from `start` to when `item` started speaking (else its `created_at`).
    private static func offset(of item: HistoryItem, from start: Date?) -> Double? {
        offset(of: item.startedSpeakingAt ?? item.createdAt, from: start)
    }

    /// Seconds from `start` to `moment`.
    private static func offset(of moment: Date?, from start: Date?) -> Double? {
        start.flatMap { start in moment.map { $0.timeIntervalSince(start) } }
    }

    /// The slow turns of a conversation, in transcript order.
    public static func all(in conversation: Conversation, budget: LatencyBudget) -> [SlowTurn] {
        all(in: Source(conversation: conversation, budget: budget))
    }

    /// The slow turns of the transcript `source` reads from, in transcript order; `count`, when
    /// known, is how many there are.
    static func all(in source: Source, count: Int? = nil) -> [SlowTurn] {
        var turns: [SlowTurn] = []
        turns.reserveCapacity(count ?? 0)
        forEachSlowTurn(in: source) { index, overrun in turns.append(SlowTurn(source, at: index, overrun: overrun)) }
        return turns
    }

    /// How many turns of the transcript `source` reads from are slow.
    static func count(in source: Source) -> Int {
        var count = 0
        forEachSlowTurn(in: source) { _, _ in count += 1 }
        return count
    }

    /// Calls `body` with the position of each slow turn of `source`'s transcript, in order, and
    /// the metrics that went over budget.
    private static func forEachSlowTurn(in source: Source, _ body: (Int, LatencyMetricSet) -> Void) {
        // Only the metrics of each item are read, in place: copying each item (and retaining
        // each of its texts) just to check them would cost more than the check.
        source.history.withUnsafeBufferPointer { items in
            for index in items.indices {
                guard let metrics = items[index].metrics else { continue }
                let overrun = source.overrunMetrics(in: metrics)
                if !overrun.isEmpty { body(index, overrun) }
            }
        }
    }

    /// Every value, read from the transcript for a turn found in one.
    private var values: Values {
        switch storage {
        case .given(let values):
            return values
        case .found(let source, let index, let overrun):
            return source.read(itemAt: index) { address in
                let item = address.pointee
                return Values(
                    sessionID: source.sessionID, historyIndex: Int(index), itemID: item.id, role: item.role,
                    text: item.content, offset: Self.offset(of: item, from: source.start),
                    overruns: item.metrics.map { source.overruns(of: overrun, in: $0) } ?? []
                )
            }
        }
    }

    /// Changes one value: the turn keeps all of its values from then on.
    private mutating func change(_ update: (inout Values) -> Void) {
        var values = self.values
        update(&values)
        storage = .given(values)
    }

    /// The conversation (attempt) the turn belongs to.
    public var sessionID: String? {
        get {
            switch storage {
            case .found(let source, _, _): source.sessionID
            case .given(let values): values.sessionID
            }
        }
        set { change { $0.sessionID = newValue } }
    }

    /// The position of the turn in the conversation's `history`, from 0.
    public var historyIndex: Int {
        get {
            switch storage {
            case .found(_, let index, _): Int(index)
            case .given(let values): values.historyIndex
            }
        }
        set { change { $0.historyIndex = newValue } }
    }

    /// The history item's `id`.
    public var itemID: String? {
        get {
            switch storage {
            case .found(let source, let index, _): source.read(itemAt: index) { $0.pointee.id }
            case .given(let values): values.itemID
            }
        }
        set { change { $0.itemID = newValue } }
    }

    public var role: String? {
        get {
            switch storage {
            case .found(let source, let index, _):
                // The role's byte, and its text only for a role that has no byte: reading the
                // text in one go still copied the item.
                let stored = source.read(itemAt: index) { $0.pointee.storedRole }
                return stored == .unusual ? source.read(itemAt: index) { $0.pointee.role } : stored.name
            case .given(let values):
                return values.role
            }
        }
        set { change { $0.role = newValue } }
    }

    /// What was said in the turn, as it came (untrusted text).
    public var text: String? {
        get {
            switch storage {
            case .found(let source, let index, _): source.read(itemAt: index) { $0.pointee.storedContent }?.string
            case .given(let values): values.text
            }
        }
        set { change { $0.text = newValue } }
    }

    /// Lends `text` as UTF-8 bytes, read where the transcript stores them for a turn found in
    /// one (``text`` would make a string of them); `nil` when there is no text.
    func withTextUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        switch storage {
        case .found(let source, let index, _):
            return source.read(itemAt: index) { $0.pointee.storedContent }?.withUTF8(body)
        case .given(let values):
            guard var text = values.text else { return nil }
            return text.withUTF8(body)
        }
    }

    /// Seconds from the start of the conversation to the turn (see ``init(item:at:in:budget:)``);
    /// `nil` when either time is unknown.
    public var offset: Double? {
        get {
            switch storage {
            case .found(let source, let index, _):
                Self.offset(of: source.read(itemAt: index) { $0.pointee.startedSpeakingAt ?? $0.pointee.createdAt }, from: source.start)
            case .given(let values): values.offset
            }
        }
        set { change { $0.offset = newValue } }
    }

    /// The metrics over budget, in ``LatencyMetric`` order; never empty.
    public var overruns: [BudgetOverrun] {
        get {
            switch storage {
            case .found(let source, let index, let overrun):
                source.read(itemAt: index) { $0.pointee.metrics }.map { source.overruns(of: overrun, in: $0) } ?? []
            case .given(let values): values.overruns
            }
        }
        set { change { $0.overruns = newValue } }
    }

    /// How many metrics went over budget: `overruns.count`, without building the list.
    var overrunCount: Int {
        switch storage {
        case .found(_, _, let overrun): overrun.rawValue.nonzeroBitCount
        case .given(let values): values.overruns.count
        }
    }

    /// Calls `body` with each of ``overruns`` in turn, without building the list: for a turn
    /// found in a transcript the item's metrics are read once and each overrun is made on the
    /// stack. A JUnit report writes the overruns of a quarter of a million slow turns, and the
    /// list cost an allocation and its release for each.
    func forEachOverrun(_ body: (BudgetOverrun) -> Void) {
        switch storage {
        case .found(let source, let index, let overrun):
            guard let metrics = source.read(itemAt: index, { $0.pointee.metrics }) else { return }
            source.forEachOverrun(of: overrun, in: metrics, body)
        case .given(let values):
            values.overruns.forEach(body)
        }
    }

    /// The turn's overrun of one metric, if it went over that budget.
    public func overrun(of metric: LatencyMetric) -> BudgetOverrun? {
        switch storage {
        case .found(let source, let index, let overrun):
            guard overrun.contains(metric), let metrics = source.read(itemAt: index, { $0.pointee.metrics }),
                  let value = metric.value(in: metrics) else { return nil }
            return BudgetOverrun(metric: metric, value: value, budget: source.budgets[metric.index])
        case .given(let values):
            return values.overruns.first { $0.metric == metric }
        }
    }
}

extension SlowTurn: Hashable {
    public static func == (lhs: SlowTurn, rhs: SlowTurn) -> Bool {
        if case .found(let lhsSource, let lhsIndex, let lhsOverrun) = lhs.storage,
           case .found(let rhsSource, let rhsIndex, let rhsOverrun) = rhs.storage,
           lhsSource === rhsSource, lhsIndex == rhsIndex, lhsOverrun == rhsOverrun {
            return true
        }
        return lhs.values == rhs.values
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(values)
    }
}
