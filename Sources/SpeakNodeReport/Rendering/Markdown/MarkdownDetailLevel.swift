/// How much of a report the Markdown summary shows, from everything down to the verdict alone.
///
/// A PR comment has a hard size limit, so the summary is rendered at the richest level whose
/// text fits. Each level leaves out one more kind of detail, least important first; whole
/// sections go, never part of one, so the Markdown structure is never cut.
public enum MarkdownDetailLevel: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Everything: failures with every reason and their transcripts, flaky tests, and the
    /// folded lists of skipped and passed tests.
    case full
    /// No list of passed and skipped tests (their counts stay in the tables).
    case withoutPassedAndSkipped
    /// Also no transcripts of failed tests.
    case withoutTranscripts
    /// Also only the first reason of each failed test.
    case firstReasonOnly
    /// Only the verdict line and the note saying what was left out: the last resort for a
    /// limit too small for even the totals.
    case verdictOnly

    /// The folded lists of passed and skipped tests are shown.
    public var showsPassedAndSkipped: Bool { self == .full }
    /// Failed tests show the last turns of their transcript.
    public var showsTranscripts: Bool { self <= .withoutPassedAndSkipped }
    /// Failed tests show every reason, not just the first.
    public var showsAllReasons: Bool { self <= .withoutTranscripts }
    /// Anything beyond the verdict line is shown.
    public var showsTables: Bool { self != .verdictOnly }

    public static func < (lhs: MarkdownDetailLevel, rhs: MarkdownDetailLevel) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// A detail level and, past the last level that drops whole kinds of detail, how many rows each
/// table and list may show before "… and N more".
public struct MarkdownDetail: Sendable, Hashable {
    public var level: MarkdownDetailLevel
    /// At most this many rows in each table and list; `nil` shows every row.
    public var rowLimit: Int?

    public init(level: MarkdownDetailLevel, rowLimit: Int? = nil) {
        self.level = level
        self.rowLimit = rowLimit
    }

    /// Everything the report holds.
    public static let full = MarkdownDetail(level: .full)
}
