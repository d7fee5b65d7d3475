extension Report {
    /// The failed tests of every run grouped by how they failed.
    public var failurePatterns: FailurePatterns { FailurePatterns(testLists: runs.map(\.tests)) }
}

extension RunResult {
    /// The run's failed tests grouped by how they failed.
    public var failurePatterns: FailurePatterns { FailurePatterns(tests: tests) }
}
