import Mustache

/// The kind of text a template produces, read from its file name, which decides how
/// `{{value}}` tags escape untrusted payload text.
///
/// `NAME.xml.mustache` → XML, `NAME.html.mustache` → HTML, `NAME.md.mustache` → Markdown,
/// anything else → no escaping. Partials are rendered with the escaping of the main template.
public enum OutputFormat: String, Sendable, Hashable, CaseIterable {
    case xml
    case html
    case markdown
    case plain

    /// The format of a template, from its name with or without the `.mustache` extension.
    public init(templateName: String) {
        var name = templateName.lowercased()
        if name.hasSuffix(".mustache") { name.removeLast(".mustache".count) }
        if name.hasSuffix(".xml") {
            self = .xml
        } else if name.hasSuffix(".html") || name.hasSuffix(".htm") {
            self = .html
        } else if name.hasSuffix(".md") || name.hasSuffix(".markdown") {
            self = .markdown
        } else {
            self = .plain
        }
    }

    /// Makes text safe to place anywhere in this format's text or attribute values.
    public func escape(_ text: String) -> String {
        switch self {
        case .xml: XMLEscaper.escape(text)
        case .html: HTMLEscaper.escape(text)
        case .markdown: MarkdownEscaper.escape(text)
        case .plain: text
        }
    }

    /// The escaping the template engine applies to `{{value}}` tags: the same text as
    /// ``escape(_:)``, appended straight to the rendered bytes.
    public var escaping: Escaping {
        switch self {
        case .xml: Escaping(appendingUTF8: XMLEscaper.appendUTF8)
        case .html: Escaping(appendingUTF8: HTMLEscaper.appendUTF8)
        case .markdown: Escaping(appending: MarkdownEscaper.append)
        case .plain: .none
        }
    }
}
