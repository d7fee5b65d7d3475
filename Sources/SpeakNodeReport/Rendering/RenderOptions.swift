/// What a report shows beyond the data: its title, where the full report lives, which tool made it.
public struct RenderOptions: Sendable, Hashable {
    /// The heading of every report.
    public var title: String
    /// Where the HTML report is published (`--report-url`); linked only when it is http(s).
    public var reportURL: String?
    /// The version of speaknode-report, shown in footers.
    public var toolVersion: String?
    /// What changed since an earlier run's summary (`--baseline`); reports show it when set.
    public var baseline: BaselineComparison?

    public static let defaultTitle = "SpeakNode agent tests"

    public init(
        title: String = RenderOptions.defaultTitle, reportURL: String? = nil, toolVersion: String? = nil,
        baseline: BaselineComparison? = nil
    ) {
        self.title = title
        self.reportURL = reportURL
        self.toolVersion = toolVersion
        self.baseline = baseline
    }

    /// The longest Markdown summary, in UTF-16 code units as GitHub counts them
    /// (`--markdown-limit`); the summary leaves out detail until it fits.
    public var markdownLimit: Int = RenderOptions.defaultMarkdownLimit

    /// A GitHub comment holds 65,536 UTF-16 code units; the rest is room for what a CI step adds.
    public static let defaultMarkdownLimit = 65_000
}
