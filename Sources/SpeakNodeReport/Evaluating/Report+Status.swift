extension Report {
    /// Whether no test failed or errored: what a CI gate checks.
    public var isSuccessful: Bool { totals.unsuccessful == 0 }

    /// Whether some of the input could not be read (see ``problems``).
    public var hasInputProblems: Bool { !problems.isEmpty }

    /// Whether the input held no test conversation at all.
    public var isEmpty: Bool { runs.isEmpty }
}
