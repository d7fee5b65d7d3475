/// A test as it ended now and in the baseline, matched by `test_id`.
public struct ComparedTest: Sendable, Hashable, Comparable {
    public var id: String
    /// The current name, else the baseline's.
    public var name: String
    /// The outcome now; `nil` for a test that is no longer in the input.
    public var outcome: Outcome?
    /// The outcome in the baseline; `nil` for a test the baseline did not have.
    public var baselineOutcome: Outcome?

    public init(id: String, name: String, outcome: Outcome?, baselineOutcome: Outcome?) {
        self.id = id
        self.name = name
        self.outcome = outcome
        self.baselineOutcome = baselineOutcome
    }

    /// By name, then id.
    public static func < (lhs: ComparedTest, rhs: ComparedTest) -> Bool {
        (lhs.name, lhs.id) < (rhs.name, rhs.id)
    }
}
