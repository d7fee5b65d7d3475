import Mustache

/// Renders the Markdown summary at the richest detail that fits `RenderOptions.markdownLimit`.
///
/// The template always renders the whole summary; only the `markdown` values it is given
/// change from one try to the next (see `MarkdownBudget`), so whatever a template shows, the
/// text that comes out is complete Markdown within the limit.
struct MarkdownSummary {
    var templates: TemplateSet

    func render(_ report: Report, options: RenderOptions) throws -> String {
        var root: [String: MustacheValue] = [:]
        if case .object(let values) = ReportContext(report: report, options: options).value { root = values }
        let markdown = MarkdownContext(report: report, limit: options.markdownLimit)
        let budget = MarkdownBudget(limit: options.markdownLimit)
        return try budget.fit(rowCount: markdown.rowCount) { detail in
            root["markdown"] = markdown.value(for: detail)
            return try templates.render(ReportFormat.markdown.templateName, context: .object(root))
        }.text
    }
}
