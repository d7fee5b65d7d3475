/// How the process ends, for CI gates.
///
/// When several apply, the highest wins: a usage or input problem (2) hides failed tests (1).
public enum ExitStatus: Int32, Sendable, Hashable, Comparable {
    /// No test failed or errored (or `--fail-on never`), and all input was read.
    case success = 0
    /// At least one test failed or errored.
    case testsFailed = 1
    /// Bad usage, a file that could not be read or written, or invalid deliveries.
    /// Reports are still written for the input that could be read.
    case usageOrInputError = 2

    public static func < (lhs: ExitStatus, rhs: ExitStatus) -> Bool { lhs.rawValue < rhs.rawValue }
}
