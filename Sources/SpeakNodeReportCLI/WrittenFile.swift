import SpeakNodeReport

/// A report file that was written, for the summary.
struct WrittenFile: Sendable, Hashable {
    var format: ReportFormat
    /// A file path, or `-` for standard output.
    var path: String

    /// `-`: the report goes to standard output, e.g. `--markdown - >> "$GITHUB_STEP_SUMMARY"`.
    var isStandardOutput: Bool { path == "-" }

    /// Where the summary says the report went.
    var destination: String { isStandardOutput ? "standard output" : path }
}
