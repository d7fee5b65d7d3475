extension AttemptResult {
    /// The verdict one conversation earns on its own.
    ///
    /// - A verdict from the evaluator (`test_eval_result.success`) decides: `true` passed,
    ///   `false` failed (typed by its `completion_reason`).
    /// - Without one, the conversation was not evaluated: skipped when its `test_status` says
    ///   it was skipped or cancelled (`Skipped`, `Cancelled`, `Canceled`, in any case),
    ///   otherwise an error typed by the `test_status`, so a test that never ran is not
    ///   mistaken for one that passed.
    ///
    /// Its ``insights`` judge slow turns against `budget`.
    ///
    /// `conversation` is taken, not borrowed, and stored once: the verdict is worked out first and
    /// the attempt made with one `init` at the end, as a copy of a conversation retains every
    /// text in it.
    public init(evaluating conversation: consuming Conversation, budget: LatencyBudget = .default) {
        let reasons = conversation.evalResult?.reasons ?? []
        let verdict = Self.verdict(of: conversation, reasons: reasons)
        // The insights keep what they read the transcript from.
        let insights = Insights(conversation: conversation, budget: budget)
        self.init(
            conversation: conversation, outcome: verdict.outcome, message: verdict.message,
            reasons: reasons, type: verdict.type, insights: insights
        )
    }

    /// The outcome, message and type of a conversation whose evaluator gave `reasons`.
    private static func verdict(
        of conversation: borrowing Conversation, reasons: [String]
    ) -> (outcome: Outcome, message: String, type: String?) {
        let joinedReasons = reasons
            .filter { !$0.isBlankText }
            .joined(separator: "; ")
        let status = conversation.testStatus.nonBlankText

        switch conversation.evalResult?.success {
        case true?:
            return (.passed, joinedReasons, nil)
        case false?:
            return (
                .failed, joinedReasons.isEmpty ? "no reason given" : joinedReasons,
                conversation.evalResult?.completionReason
            )
        case nil:
            if let status, skippingStatuses.contains(status.lowercased()) {
                return (.skipped, "skipped (test status: \(status))", status)
            }
            return (
                .error, status.map { "not evaluated (test status: \($0))" } ?? "not evaluated (no test status)", status
            )
        }
    }

    /// `test_status` values (lowercased) that mean the conversation was deliberately not run to a verdict.
    static let skippingStatuses: Set<String> = ["skipped", "cancelled", "canceled"]

    /// The conversation's `session_id`, when it had one.
    public var sessionID: String? { conversation.sessionID }

    /// The conversation's `duration_seconds`, or 0 when it is missing or not a usable
    /// number of seconds (negative, infinite or NaN), so sums stay meaningful.
    public var duration: Double { Self.duration(seconds: conversation.durationSeconds) }

    /// A `duration_seconds` as ``duration`` counts it. Takes the number, not the attempt, so
    /// that a sum over a list of attempts reads each one's where it is stored, without a copy
    /// of it (and of every text of its conversation).
    static func duration(seconds: Double?) -> Double {
        guard let seconds, seconds.isFinite, seconds >= 0 else { return 0 }
        return seconds
    }
}
