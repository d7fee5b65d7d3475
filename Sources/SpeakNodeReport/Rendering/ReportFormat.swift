/// The reports speaknode-report writes, each rendered by one main template.
public enum ReportFormat: String, Sendable, Hashable, CaseIterable {
    /// JUnit XML for CI servers.
    case junit
    /// A GitHub-flavoured Markdown summary for PR comments and job summaries.
    case markdown
    /// A self-contained static HTML report.
    case html

    /// The main template's name (its file name without `.mustache`).
    public var templateName: String {
        switch self {
        case .junit: "junit.xml"
        case .markdown: "summary.md"
        case .html: "report.html"
        }
    }

    /// The file name a report is written to when the user names only a folder.
    public var defaultFileName: String { templateName }
}
