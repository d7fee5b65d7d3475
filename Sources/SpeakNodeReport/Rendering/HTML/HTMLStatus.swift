/// The one status the HTML report files a test under, for its filter and its default order:
/// what a reader looking for the cause of a failure wants to see first comes first.
enum HTMLStatus: String, CaseIterable {
    case error
    case failed
    /// Passed (or skipped) in the end, but the attempts disagreed.
    case flaky
    case passed
    case skipped

    init(_ test: TestResult) {
        switch test.outcome {
        case .error: self = .error
        case .failed: self = .failed
        case .passed, .skipped: self = test.isFlaky ? .flaky : test.outcome == .passed ? .passed : .skipped
        }
    }

    /// 0 for the status shown first.
    var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    var label: String {
        switch self {
        case .error: "Errors"
        case .failed: "Failed"
        case .flaky: "Flaky"
        case .passed: "Passed"
        case .skipped: "Skipped"
        }
    }

    /// Whether a reader is likely to want this test's transcript: it failed, errored or flaked.
    var needsAttention: Bool { self == .error || self == .failed || self == .flaky }
}
