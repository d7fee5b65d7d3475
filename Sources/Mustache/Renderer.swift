/// Renders a node tree against a context stack into one output buffer.
///
/// Indentation (of standalone partials, parents and blocks) is written lazily: a template
/// newline only marks the next line as pending, and the indentation is written before the
/// next output on it. Lines removed as standalone, and the end of an included template, thus
/// never get stray indentation, while newlines inside interpolated values are left alone.
struct Renderer {
    /// How deep partials, parents and overridden blocks may nest before rendering stops.
    static let maximumDepth = 200

    private(set) var output = ""
    private let escaping: Escaping
    private let library: TemplateLibrary?
    private var contextStack: [MustacheValue]
    private var indentation = ""
    private var indentationPending = false
    /// Block overrides in effect: the outermost caller's override wins.
    private var overrides: [String: [Node]] = [:]
    private var depth = 0
    private var templateName: String

    init(context: MustacheValue, library: TemplateLibrary?, escaping: Escaping, templateName: String, capacity: Int) {
        self.contextStack = [context]
        self.library = library
        self.escaping = escaping
        self.templateName = templateName
        output.reserveCapacity(capacity)
    }

    mutating func render(_ nodes: [Node]) throws(TemplateError) {
        for node in nodes {
            switch node {
            case .text(let text, let endsLine):
                writePendingIndentation()
                output += text
                if endsLine { indentationPending = true }

            case .variable(let name, let escaped):
                let text = lookUp(name).interpolationText
                guard !text.isEmpty else { continue }
                writePendingIndentation()
                output += escaped ? escaping(text) : text

            case .section(let name, let content, let inverted):
                let value = lookUp(name)
                if inverted {
                    if !value.isTruthy { try render(content) }
                } else if case .list(let items) = value {
                    for item in items {
                        contextStack.append(item)
                        try render(content)
                        contextStack.removeLast()
                    }
                } else if value.isTruthy {
                    contextStack.append(value)
                    try render(content)
                    contextStack.removeLast()
                }

            case .partial(let inclusion), .parent(let inclusion):
                try include(inclusion)

            case .block(let block):
                try render(block)
            }
        }
    }

    // MARK: - Partials, parents and blocks

    private mutating func include(_ inclusion: Inclusion) throws(TemplateError) {
        var name = inclusion.name
        if let dynamicName = inclusion.dynamicName {
            name = lookUp(dynamicName).interpolationText
        }
        // A missing partial renders as nothing, as an unknown variable does.
        guard let template = library?[name] else { return }
        try descend(name, line: inclusion.line, column: inclusion.column)
        let saved = (indentation, overrides, templateName)
        if let own = inclusion.indentation {
            indentation += own
            indentationPending = true
        } else {
            writePendingIndentation()
            indentation = ""
        }
        if !inclusion.overrides.isEmpty {
            overrides = inclusion.overrides.merging(overrides) { _, outer in outer }
        }
        templateName = name
        try render(template.nodes)
        (indentation, overrides, templateName) = saved
        // After a standalone tag the next line starts; after an inline one, the line goes on.
        indentationPending = inclusion.indentation != nil
        depth -= 1
    }

    private mutating func render(_ block: Block) throws(TemplateError) {
        let override = overrides[block.name]
        if override != nil {
            // An override may contain its own block: guard against it expanding into itself.
            try descend(block.name, line: block.line, column: block.column)
        }
        let saved = indentation
        switch block.placement {
        case .standalone(let own):
            indentation += own
            indentationPending = true
        case .inline(let own):
            indentation += own
        }
        try render(override ?? block.content)
        indentation = saved
        if override != nil { depth -= 1 }
    }

    private mutating func descend(_ name: String, line: Int, column: Int) throws(TemplateError) {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw TemplateError(
                templateName: templateName, line: line, column: column,
                message: "\"\(name)\" nests more than \(Self.maximumDepth) levels deep; is a partial or block including itself?"
            )
        }
    }

    // MARK: - Output and lookup

    @inline(__always)
    private mutating func writePendingIndentation() {
        if indentationPending {
            indentationPending = false
            output += indentation
        }
    }

    /// Looks a name up per the spec: the first component in the innermost context that has it,
    /// the rest strictly within what that finds; `.` is the innermost context itself.
    private func lookUp(_ name: VariableName) -> MustacheValue {
        guard let first = name.components.first else {
            return contextStack.last ?? .null
        }
        for context in contextStack.reversed() {
            guard var value = context.member(first) else { continue }
            for component in name.components.dropFirst() {
                guard let next = value.member(component) else { return .null }
                value = next
            }
            return value
        }
        return .null
    }
}
