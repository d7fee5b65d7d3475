import Foundation

/// A turn that took longer than the ``LatencyBudget`` allows, with what a reader needs to
/// find it in the recording and the transcript.
public struct SlowTurn: Sendable, Hashable {
    /// The conversation (attempt) the turn belongs to.
    public var sessionID: String?
    /// The position of the turn in the conversation's `history`, from 0.
    public var historyIndex: Int
    /// The history item's `id`.
    public var itemID: String?
    public var role: String?
    /// What was said in the turn, as it came (untrusted text).
    public var text: String?
    /// Seconds from the start of the conversation to the turn (see ``init(item:at:in:budget:)``);
    /// `nil` when either time is unknown.
    public var offset: Double?
    /// The metrics over budget, in ``LatencyMetric`` order; never empty.
    public var overruns: [BudgetOverrun]

    public init(
        sessionID: String?, historyIndex: Int, itemID: String?, role: String?, text: String?,
        offset: Double?, overruns: [BudgetOverrun]
    ) {
        self.sessionID = sessionID
        self.historyIndex = historyIndex
        self.itemID = itemID
        self.role = role
        self.text = text
        self.offset = offset
        self.overruns = overruns
    }

    /// The slow turn a history item makes, or `nil` when none of its metrics is over budget.
    ///
    /// The offset runs from the conversation's `start_time` (else `agent_joined_at`) to when
    /// the turn started speaking (else the item's `created_at`).
    public init?(item: HistoryItem, at historyIndex: Int, in conversation: Conversation, budget: LatencyBudget) {
        guard let metrics = item.metrics else { return nil }
        let overruns = budget.overruns(in: metrics)
        guard !overruns.isEmpty else { return nil }
        self.init(item: item, at: historyIndex, in: conversation, overruns: overruns)
    }

    /// The slow turn of an item whose `overruns` are known (and not empty).
    private init(item: HistoryItem, at historyIndex: Int, in conversation: Conversation, overruns: [BudgetOverrun]) {
        let start = conversation.startTime ?? conversation.agentJoinedAt
        let moment = item.metrics?.startedSpeakingAt ?? item.createdAt
        let offset = start.flatMap { start in moment.map { $0.timeIntervalSince(start) } }
        self.init(
            sessionID: conversation.sessionID, historyIndex: historyIndex, itemID: item.id, role: item.role,
            text: item.content, offset: offset, overruns: overruns
        )
    }

    /// The turn's overrun of one metric, if it went over that budget.
    public func overrun(of metric: LatencyMetric) -> BudgetOverrun? {
        overruns.first { $0.metric == metric }
    }

    /// The slow turns of a conversation, in transcript order.
    public static func all(in conversation: Conversation, budget: LatencyBudget) -> [SlowTurn] {
        // Only the metrics of most items are read: copying each item (and retaining each of
        // its texts) just to check them would cost more than the check.
        let history = conversation.history
        var turns: [SlowTurn] = []
        for index in history.indices {
            guard let metrics = history[index].metrics else { continue }
            let overruns = budget.overruns(in: metrics)
            guard !overruns.isEmpty else { continue }
            turns.append(SlowTurn(item: history[index], at: index, in: conversation, overruns: overruns))
        }
        return turns
    }
}
