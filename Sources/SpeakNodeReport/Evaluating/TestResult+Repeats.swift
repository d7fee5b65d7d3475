extension TestResult {
    /// Attempts that passed.
    public var passedAttemptCount: Int { Self.count(of: attempts) { $0 == .passed } }

    /// Attempts the evaluator gave a verdict on (passed or failed); errors and skips are not verdicts.
    public var evaluatedAttemptCount: Int { Self.count(of: attempts) { $0 == .passed || $0 == .failed } }

    /// For a repeated test, how reliably it passes: passed attempts over evaluated attempts,
    /// from 0 to 1; `nil` when no attempt was evaluated.
    public var attemptPassRate: Double? {
        let evaluated = evaluatedAttemptCount
        return evaluated > 0 ? Double(passedAttemptCount) / Double(evaluated) : nil
    }

    /// Of `attempts`, those whose outcome is `counted`.
    ///
    /// It takes the attempts, not the test: a function of the whole test had it copied for each
    /// call (retaining every value it holds) wherever the test was read from a list. Outcomes
    /// are read in place: `attempts.count { … }` copies each attempt, retaining every text of
    /// its conversation.
    private static func count(of attempts: [AttemptResult], where counted: (Outcome) -> Bool) -> Int {
        var count = 0
        for index in attempts.indices where counted(attempts[index].outcome) { count += 1 }
        return count
    }
}
