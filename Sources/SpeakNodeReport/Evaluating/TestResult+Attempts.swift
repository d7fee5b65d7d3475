extension TestResult {
    /// Whether the test had more than one attempt (a retry or a repeat).
    public var wasRetried: Bool { attempts.count > 1 }

    /// Whether the outcome makes a CI gate fail.
    public var isProblem: Bool { outcome.isProblem }
}
