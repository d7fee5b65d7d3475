import SpeakNodeReport

/// A report file that was written, for the summary.
struct WrittenFile: Sendable, Hashable {
    var format: ReportFormat
    var path: String
}
