/// One piece of a parsed template. Rendering walks these; the source is never looked at again.
indirect enum Node: Sendable {
    /// Literal text, as the UTF-8 bytes it appends to the output; `endsLine` when it ends with
    /// a newline (it then holds no other newline).
    case text([UInt8], endsLine: Bool)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (not escaped).
    case variable(VariableName, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when `inverted`.
    case section(VariableName, [Node], inverted: Bool)
    /// `{{>name}}`.
    case partial(Inclusion)
    /// `{{<name}}…{{/name}}`: a partial whose blocks are overridden by `Inclusion.overrides`.
    /// Both also come as `{{>*name}}` / `{{<*name}}`, naming the template by a context value.
    case parent(Inclusion)
    /// `{{$name}}…{{/name}}` outside a parent: a place a parent's caller may override.
    case block(Block)
}

/// A name looked up in the context stack, split at dots once when parsing.
struct VariableName: Sendable {
    /// The first of the dotted components, found in the context stack; `nil` for the implicit
    /// iterator `.`.
    let first: String?
    /// The components after the first, each found in what the one before it gave. Most names
    /// have none: keeping the first apart spares their lookups indexing and slicing an array.
    let rest: [String]

    /// The name of dotted `components`; none for `.`.
    init(components: [String]) {
        first = components.first
        rest = Array(components.dropFirst())
    }
}

/// A partial or parent tag: which template it brings in, and how.
struct Inclusion: Sendable {
    /// The template's name as written (for a dynamic name, the name looked up, after `*`).
    let name: String
    /// For `{{>*name}}`: the context value whose text names the template.
    let dynamicName: VariableName?
    /// The whitespace before a standalone tag, prepended to every line of the included template;
    /// `nil` when the tag is inline.
    let indentation: String?
    /// Blocks the included template's blocks are replaced with (empty for a plain partial).
    let overrides: [String: [Node]]
    /// Where the tag is, for errors raised while rendering it.
    let line: Int
    let column: Int
}

/// A block: its name, its default content, and how its content is indented where it appears.
struct Block: Sendable {
    enum Placement: Sendable {
        /// The opening tag stands alone on its line: content lines are indented by `indentation`
        /// (the indentation of the block's own first content line).
        case standalone(indentation: String)
        /// The opening tag is inline; lines after the first are indented by `indentation`
        /// (the whitespace that precedes the tag when it starts its line).
        case inline(indentation: String)
    }

    let name: String
    /// Content with its own indentation removed, so it can be re-indented wherever it is used.
    let content: [Node]
    let placement: Placement
    let line: Int
    let column: Int
}
