import Mustache

/// Renders a `Report` into JUnit XML, a Markdown summary or an HTML report.
///
/// The renderer never parses input and never computes verdicts: it turns the evaluated report
/// into a `ReportContext` and hands it to the format's main template.
public struct ReportRenderer: Sendable {
    public var templates: TemplateSet

    public init(templates: TemplateSet) {
        self.templates = templates
    }

    public func render(_ report: Report, as format: ReportFormat, options: RenderOptions) throws -> String {
        if format == .markdown { return try MarkdownSummary(templates: templates).render(report, options: options) }
        let context = ReportContext(report: report, options: options).value
        let value = format == .html ? HTMLReportContext(report: report, shared: context).value : context
        return try templates.render(format.templateName, context: value)
    }
}
