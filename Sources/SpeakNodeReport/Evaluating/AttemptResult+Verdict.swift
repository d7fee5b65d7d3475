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
    public init(evaluating conversation: Conversation, budget: LatencyBudget = .default) {
        let insights = Insights(conversation: conversation, budget: budget)
        let reasons = conversation.evalResult?.reasons ?? []
        let joinedReasons = reasons
            .filter { !$0.isBlankText }
            .joined(separator: "; ")
        let status = conversation.testStatus.nonBlankText

        switch conversation.evalResult?.success {
        case true?:
            self.init(
                conversation: conversation, outcome: .passed, message: joinedReasons,
                reasons: reasons, type: nil, insights: insights
            )
        case false?:
            self.init(
                conversation: conversation, outcome: .failed,
                message: joinedReasons.isEmpty ? "no reason given" : joinedReasons,
                reasons: reasons, type: conversation.evalResult?.completionReason,
                insights: insights
            )
        case nil:
            if let status, Self.skippingStatuses.contains(status.lowercased()) {
                self.init(
                    conversation: conversation, outcome: .skipped, message: "skipped (test status: \(status))",
                    reasons: reasons, type: status, insights: insights
                )
            } else {
                self.init(
                    conversation: conversation, outcome: .error,
                    message: status.map { "not evaluated (test status: \($0))" } ?? "not evaluated (no test status)",
                    reasons: reasons, type: status, insights: insights
                )
            }
        }
    }

    /// `test_status` values (lowercased) that mean the conversation was deliberately not run to a verdict.
    static let skippingStatuses: Set<String> = ["skipped", "cancelled", "canceled"]

    /// The conversation's `session_id`, when it had one.
    public var sessionID: String? { conversation.sessionID }

    /// The conversation's `duration_seconds`, or 0 when it is missing or not a usable
    /// number of seconds (negative, infinite or NaN), so sums stay meaningful.
    public var duration: Double {
        guard let seconds = conversation.durationSeconds, seconds.isFinite, seconds >= 0 else { return 0 }
        return seconds
    }
}
