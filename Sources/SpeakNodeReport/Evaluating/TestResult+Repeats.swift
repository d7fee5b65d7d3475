extension TestResult {
    /// Attempts that passed.
    public var passedAttemptCount: Int { attemptCount { $0 == .passed } }

    /// Attempts the evaluator gave a verdict on (passed or failed); errors and skips are not verdicts.
    public var evaluatedAttemptCount: Int { attemptCount { $0 == .passed || $0 == .failed } }

    /// Attempts whose outcome is `counted`. Outcomes are read in place: `attempts.count { … }`
    /// copies each attempt, retaining every text of its conversation, and a closure over
    /// `self` (as `reduce` took) copied the whole test.
    private func attemptCount(where counted: (Outcome) -> Bool) -> Int {
        var count = 0
        for index in attempts.indices where counted(attempts[index].outcome) { count += 1 }
        return count
    }

    /// For a repeated test, how reliably it passes: passed attempts over evaluated attempts,
    /// from 0 to 1; `nil` when no attempt was evaluated.
    public var attemptPassRate: Double? {
        let evaluated = evaluatedAttemptCount
        return evaluated > 0 ? Double(passedAttemptCount) / Double(evaluated) : nil
    }
}
