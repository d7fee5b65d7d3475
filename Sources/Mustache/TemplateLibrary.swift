/// A set of named templates that render each other as partials and parents.
///
/// Templates find each other by name only, so a library built from embedded sources
/// behaves the same wherever it runs.
public struct TemplateLibrary: Sendable {
    private var templates: [String: Template]

    /// Parses every source (name → template text); throws the first error in name order.
    public init(sources: [String: String]) throws(TemplateError) {
        var templates: [String: Template] = [:]
        for name in sources.keys.sorted() {
            if let source = sources[name] {
                templates[name] = try Template(source, name: name)
            }
        }
        self.templates = templates
    }

    /// A library of already parsed templates, found by the given names.
    public init(templates: [String: Template]) {
        self.templates = templates
    }

    /// The template with this name, if any.
    public subscript(name: String) -> Template? {
        templates[name]
    }

    /// Every template's name, sorted.
    public var names: [String] {
        templates.keys.sorted()
    }

    /// Renders the named template; its partials and parents come from this library.
    ///
    /// - Throws: `TemplateError` when no template has that name (line and column 0),
    ///   or when rendering fails.
    public func render(
        _ name: String, context: MustacheValue, escaping: Escaping = .html, concurrency: ListConcurrency = .automatic
    ) throws(TemplateError) -> String {
        try template(named: name).render(context, partials: self, escaping: escaping, concurrency: concurrency)
    }

    /// Renders the named template piece by piece into `sink` (see
    /// ``Template/render(_:partials:escaping:concurrency:to:)``).
    public func render(
        _ name: String, context: MustacheValue, escaping: Escaping = .html, concurrency: ListConcurrency = .automatic,
        to sink: @escaping TextSink
    ) throws(TemplateError) {
        try template(named: name).render(context, partials: self, escaping: escaping, concurrency: concurrency, to: sink)
    }

    private func template(named name: String) throws(TemplateError) -> Template {
        guard let template = templates[name] else {
            throw TemplateError(
                templateName: name, line: 0, column: 0,
                message: "no template named \"\(name)\" in the library (it has: \(names.joined(separator: ", ")))"
            )
        }
        return template
    }
}
