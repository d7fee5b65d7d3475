extension TestResult {
    /// Attempts that passed.
    public var passedAttemptCount: Int { attemptCount { $0 == .passed } }

    /// Attempts the evaluator gave a verdict on (passed or failed); errors and skips are not verdicts.
    public var evaluatedAttemptCount: Int { attemptCount { $0 == .passed || $0 == .failed } }

    /// Attempts whose outcome is `counted`. Outcomes are read in place: `attempts.count { … }`
    /// copies each attempt, retaining every text of its conversation.
    private func attemptCount(where counted: (Outcome) -> Bool) -> Int {
        attempts.indices.reduce(0) { $0 + (counted(attempts[$1].outcome) ? 1 : 0) }
    }

    /// For a repeated test, how reliably it passes: passed attempts over evaluated attempts,
    /// from 0 to 1; `nil` when no attempt was evaluated.
    public var attemptPassRate: Double? {
        let evaluated = evaluatedAttemptCount
        return evaluated > 0 ? Double(passedAttemptCount) / Double(evaluated) : nil
    }
}
