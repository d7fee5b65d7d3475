/// A parsed Mustache template, ready to render many times.
///
/// Supported, per the Mustache specification (https://github.com/mustache/spec):
/// - variables `{{name}}` (escaped with the chosen `Escaping`), `{{{name}}}` and `{{&name}}`
///   (never escaped), dotted names `{{a.b.c}}`, the implicit iterator `{{.}}`;
/// - sections `{{#name}}…{{/name}}` (a list repeats, any other truthy value becomes the
///   innermost context) and inverted sections `{{^name}}…{{/name}}`. Falsey: `null`, `false`,
///   the empty string and the empty list; everything else, `0` included, is truthy;
/// - comments `{{! … }}`, delimiter changes `{{=<% %>=}}`;
/// - partials `{{>name}}`, indented when standalone; a missing partial renders as nothing;
/// - inheritance: blocks `{{$name}}default{{/name}}` and parents `{{<name}}…{{/name}}` whose
///   blocks replace the parent's, with the spec's re-indentation of block content;
/// - dynamic names `{{>*name}}` and `{{<*name}}…{{/*name}}`: the template is named by the
///   text of a context value;
/// - standalone-line removal exactly as the spec describes.
///
/// Not supported: lambdas (values hold no code).
/// Partials and parents are looked up by name in a `TemplateLibrary`, never on disk.
/// Numbers print as written in JSON: `85`, `1.21`; whole doubles print without `.0`.
public struct Template: Sendable {
    /// The name used in errors and for finding this template in a library.
    public let name: String
    let nodes: [Node]
    private let sourceSize: Int

    /// Parses `source`, reporting the first syntax error with its line and column.
    public init(_ source: String, name: String = "template") throws(TemplateError) {
        var parser = Parser(source: source, templateName: name)
        self.nodes = try parser.parse()
        self.name = name
        self.sourceSize = source.utf8.count
    }

    /// Renders the template with `context` as the only context on the stack.
    ///
    /// - Parameters:
    ///   - partials: where `{{>name}}` and `{{<name}}` find templates; without it they render as nothing.
    ///   - escaping: how `{{name}}` escapes text, here and in every partial.
    ///   - concurrency: which lists render on several cores; the text is the same either way.
    public func render(
        _ context: MustacheValue,
        partials: TemplateLibrary? = nil,
        escaping: Escaping = .html,
        concurrency: ListConcurrency = .automatic
    ) throws(TemplateError) -> String {
        var renderer = Renderer(
            context: context, library: partials, escaping: escaping,
            templateName: name, capacity: max(256, sourceSize * 2), concurrency: concurrency
        )
        try renderer.render(nodes)
        // The bytes are the template's text and interpolated strings, escaped by appending
        // whole characters (as `Escaping` requires): valid UTF-8, so decoding copies them as they are.
        return String(decoding: renderer.output, as: UTF8.self)
    }

    /// Renders as ``render(_:partials:escaping:concurrency:)`` does, but hands the text's UTF-8
    /// bytes to `sink` in order, in pieces of about a megabyte as they are made, so that a text of
    /// hundreds of megabytes is never held whole. When rendering fails, the pieces already
    /// handed over are only the start of the text.
    public func render(
        _ context: MustacheValue,
        partials: TemplateLibrary? = nil,
        escaping: Escaping = .html,
        concurrency: ListConcurrency = .automatic,
        to sink: @escaping TextSink
    ) throws(TemplateError) {
        var renderer = Renderer(
            context: context, library: partials, escaping: escaping,
            templateName: name, capacity: max(256, sourceSize * 2), concurrency: concurrency, sink: sink
        )
        try renderer.render(nodes)
        renderer.finish()
    }
}
