extension TestResult {
    /// Attempts that passed.
    public var passedAttemptCount: Int { attempts.count { $0.outcome == .passed } }

    /// Attempts the evaluator gave a verdict on (passed or failed); errors and skips are not verdicts.
    public var evaluatedAttemptCount: Int { attempts.count { $0.outcome == .passed || $0.outcome == .failed } }

    /// For a repeated test, how reliably it passes: passed attempts over evaluated attempts,
    /// from 0 to 1; `nil` when no attempt was evaluated.
    public var attemptPassRate: Double? {
        let evaluated = evaluatedAttemptCount
        return evaluated > 0 ? Double(passedAttemptCount) / Double(evaluated) : nil
    }
}
