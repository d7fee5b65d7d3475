/// One conversation of a test, with the verdict it earned on its own.
public struct AttemptResult: Sendable, Hashable {
    public var conversation: Conversation
    public var outcome: Outcome
    /// What a reader sees first: the reasons joined with "; " (passed, failed — "no reason
    /// given" when a failure has none), "not evaluated (test status: …)" (error), or
    /// "skipped (test status: …)". Empty for a pass without reasons.
    public var message: String
    /// The evaluator's reasons, in order.
    public var reasons: [String]
    /// For a failure, the `completion_reason`; for an error or skip, the `test_status`.
    public var type: String?
    /// Latency, slow turns and signals of this conversation.
    public var insights: Insights

    /// `insights` defaults to those of `conversation` under ``LatencyBudget/default``.
    public init(
        conversation: Conversation, outcome: Outcome, message: String, reasons: [String], type: String?,
        insights: Insights? = nil
    ) {
        self.conversation = conversation
        self.outcome = outcome
        self.message = message
        self.reasons = reasons
        self.type = type
        self.insights = insights ?? Insights(conversation: conversation, budget: .default)
    }
}
