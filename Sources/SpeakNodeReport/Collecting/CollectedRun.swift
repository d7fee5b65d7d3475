/// One test run (`test_run_id`) with its tests, sorted by test id.
public struct CollectedRun: Sendable, Hashable {
    public var id: String
    public var tests: [CollectedTest]

    public init(id: String, tests: [CollectedTest]) {
        self.id = id
        self.tests = tests
    }
}
