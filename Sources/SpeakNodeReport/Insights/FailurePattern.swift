/// Failed tests that failed the same way: the same `completion_reason`, or the same reason text.
public struct FailurePattern: Sendable, Hashable {
    /// The shared completion reason or reason text; `nil` for failures that gave none.
    public var text: String?
    /// The failed tests, sorted by name, test id and run id.
    public var tests: [TestReference]

    public init(text: String?, tests: [TestReference]) {
        self.text = text
        self.tests = tests.sorted()
    }

    /// How many failed tests share the pattern.
    public var count: Int { tests.count }

    /// Groups tests by the keys each one has (a test with several keys joins several groups,
    /// each once), sorted by count (most first), then text (`nil` last).
    static func group(_ keyed: [(test: TestReference, keys: [String?])]) -> [FailurePattern] {
        var testsByKey: [String?: Set<TestReference>] = [:]
        for (test, keys) in keyed {
            for key in keys { testsByKey[key, default: []].insert(test) }
        }
        return testsByKey
            .map { FailurePattern(text: $0.key, tests: Array($0.value)) }
            .sorted { lhs, rhs in
                if lhs.count != rhs.count { return lhs.count > rhs.count }
                if let order = MissingLastOrder.precedes(lhs.text, rhs.text) { return order }
                return false
            }
    }
}
