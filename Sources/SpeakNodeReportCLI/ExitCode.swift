import SpeakNodeReport

/// How the process ends, for CI gates.
///
/// When several apply, the highest wins: a usage or input problem (2) hides failed tests (1).
public enum ExitCode: Int32, Sendable, Hashable, Comparable {
    /// No test failed or errored (or `--fail-on never`), and all input was read.
    case success = 0
    /// At least one test failed or errored.
    case testsFailed = 1
    /// Bad usage, a file that could not be read or written, or invalid deliveries.
    /// Reports are still written for the input that could be read.
    case usageOrInputError = 2

    /// The status after rendering `report`: input problems and unwritten reports (2) win over
    /// failed or errored tests (1), which count only with `--fail-on failed`.
    init(report: Report, failurePolicy: FailurePolicy, couldWriteEverything: Bool) {
        if !report.problems.isEmpty || !couldWriteEverything {
            self = .usageOrInputError
        } else if failurePolicy == .failed, report.totals.failed + report.totals.errors > 0 {
            self = .testsFailed
        } else {
            self = .success
        }
    }

    public static func < (lhs: ExitCode, rhs: ExitCode) -> Bool { lhs.rawValue < rhs.rawValue }
}
