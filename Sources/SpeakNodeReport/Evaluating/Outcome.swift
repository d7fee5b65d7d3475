/// The verdict on one attempt or one test.
public enum Outcome: String, Sendable, Hashable, CaseIterable, Comparable {
    case passed
    case failed
    case error
    case skipped

    /// How bad an outcome is when attempts are combined with `--attempts all`:
    /// error > failed > passed > skipped (skipped decides only when every attempt was skipped).
    public var severity: Int {
        switch self {
        case .skipped: 0
        case .passed: 1
        case .failed: 2
        case .error: 3
        }
    }

    /// Whether this outcome makes a CI gate fail.
    public var isProblem: Bool { self == .failed || self == .error }

    public static func < (lhs: Outcome, rhs: Outcome) -> Bool { lhs.severity < rhs.severity }
}
