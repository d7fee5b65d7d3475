/// The one status the HTML report files a test under, for its filter and its default order:
/// what a reader looking for the cause of a failure wants to see first comes first.
enum HTMLStatus: String, CaseIterable {
    case error
    case failed
    /// Passed (or skipped) in the end, but the attempts disagreed.
    case flaky
    case passed
    case skipped

    init(outcome: Outcome, isFlaky: Bool) {
        switch outcome {
        case .error: self = .error
        case .failed: self = .failed
        case .passed, .skipped: self = isFlaky ? .flaky : outcome == .passed ? .passed : .skipped
        }
    }

    /// The status of each test of a run, in order. Only two fields of each test are read, where
    /// it is stored: `run.tests.map(HTMLStatus.init)` would copy every test (retaining all it holds).
    static func statuses(of run: RunResult) -> [HTMLStatus] {
        run.tests.withUnsafeBufferPointer { tests in
            tests.indices.map { HTMLStatus(outcome: tests[$0].outcome, isFlaky: tests[$0].isFlaky) }
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
