import Mustache

/// Renders the Markdown summary at the richest detail that fits `RenderOptions.markdownLimit`.
///
/// The template always renders the whole summary; only the `markdown` values it is given
/// change from one try to the next (see `MarkdownBudget`), so whatever a template shows, the
/// text that comes out is complete Markdown within the limit.
struct MarkdownSummary {
    var templates: TemplateSet

    /// The summary at the richest detail that fits.
    ///
    /// - Parameter shared: The report's `ReportContext` value when the caller has already built
    ///   it (to render other formats); otherwise it is built here.
    func render(_ report: Report, options: RenderOptions, shared: MustacheValue? = nil) throws -> String {
        try fit(report, options: options, shared: shared).text
    }

    /// The summary at the richest detail that fits, and that detail.
    func fit(
        _ report: Report, options: RenderOptions, shared: MustacheValue? = nil
    ) throws -> (text: String, detail: MarkdownDetail) {
        var root = Self.root(report, options: options, shared: shared)
        var markdown = Self.markdownContext(report, root: root, options: options)
        return try MarkdownBudget(limit: options.markdownLimit).fit(rowCount: markdown.rowCount) { detail in
            root["markdown"] = markdown.value(for: detail)
            return try templates.render(ReportFormat.markdown.templateName, context: .object(root))
        }
    }

    /// The summary at one detail, whatever its length.
    func render(_ report: Report, options: RenderOptions, at detail: MarkdownDetail) throws -> String {
        var root = Self.root(report, options: options)
        var markdown = Self.markdownContext(report, root: root, options: options)
        root["markdown"] = markdown.value(for: detail)
        return try templates.render(ReportFormat.markdown.templateName, context: .object(root))
    }

    private static func markdownContext(
        _ report: Report, root: [String: MustacheValue], options: RenderOptions
    ) -> MarkdownContext {
        var runContexts: [MustacheValue] = []
        if case .list(let runs)? = root["runs"] { runContexts = runs }
        return MarkdownContext(report: report, limit: options.markdownLimit, runContexts: runContexts)
    }

    private static func root(
        _ report: Report, options: RenderOptions, shared: MustacheValue? = nil
    ) -> [String: MustacheValue] {
        guard case .object(let values) = shared ?? ReportContext(report: report, options: options).value else { return [:] }
        return values
    }
}
