/// Which test of which run, for lists that point at tests without carrying them.
public struct TestReference: Sendable, Hashable, Comparable {
    public var runID: String
    public var testID: String
    /// The test's display name (see ``TestResult/name``).
    public var name: String

    public init(runID: String, testID: String, name: String) {
        self.runID = runID
        self.testID = testID
        self.name = name
    }

    public init(_ test: TestResult) {
        self.init(runID: test.runID, testID: test.id, name: test.name)
    }

    /// By name, then test id, then run id.
    public static func < (lhs: TestReference, rhs: TestReference) -> Bool {
        (lhs.name, lhs.testID, lhs.runID) < (rhs.name, rhs.testID, rhs.runID)
    }
}
