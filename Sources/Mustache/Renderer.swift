/// Renders a node tree against a context stack into one buffer of UTF-8 bytes.
///
/// Template text, interpolated values and what escaping makes of them are appended as bytes:
/// no string is built per value, and the text becomes a `String` (if the caller wants one)
/// only once, at the end.
///
/// Indentation (of standalone partials, parents and blocks) is written lazily: a template
/// newline only marks the next line as pending, and the indentation is written before the
/// next output on it. Lines removed as standalone, and the end of an included template, thus
/// never get stray indentation, while newlines inside interpolated values are left alone.
///
/// A long list may be rendered in parts on several cores (see ``ListConcurrency``). A part
/// starts without knowing whether the text before it left indentation pending; it notes the
/// indentation it would have written first (`leadingIndentation`), and the parts are joined
/// with it written where the text before them left it pending.
struct Renderer {
    /// How deep partials, parents and overridden blocks may nest before rendering stops.
    static let maximumDepth = 200

    /// The rendered text so far (since the last piece handed to the sink), as UTF-8.
    private(set) var output: [UInt8] = []
    private let escaping: Escaping
    private let library: TemplateLibrary?
    private var contextStack: [MustacheValue]
    private var indentation = ""
    private var indentationPending = false
    /// Block overrides in effect: the outermost caller's override wins.
    private var overrides: [String: [Node]] = [:]
    private var depth = 0
    private var templateName: String
    private var concurrency: ListConcurrency
    /// In a part of a list: whether the pending indentation at the part's start is still
    /// unknown, and, once output started, the indentation that was then due if it was pending.
    private var startIsUnknown = false
    private var leadingIndentation: String?
    /// Where finished output goes while rendering, so that a long text is never held whole;
    /// without one, all of it stays in `output`.
    private var sink: TextSink?

    /// How much output collects before it goes to the sink.
    static let flushSize = 1 << 20

    init(
        context: MustacheValue, library: TemplateLibrary?, escaping: Escaping, templateName: String, capacity: Int,
        concurrency: ListConcurrency = .automatic, sink: TextSink? = nil
    ) {
        self.contextStack = [context.resolved]
        self.library = library
        self.escaping = escaping
        self.templateName = templateName
        self.concurrency = concurrency
        self.sink = sink
        output.reserveCapacity(sink == nil ? capacity : min(capacity, Self.flushSize) + Self.flushSize / 4)
    }

    /// Hands what is left of the output to the sink, if there is one.
    mutating func finish() {
        guard let sink, !output.isEmpty else { return }
        sink(output)
        output = []
    }

    /// Hands the output to the sink once enough has collected. Called between list items, where
    /// most of a long text is made.
    @inline(__always)
    private mutating func flushIfFull() {
        guard let sink, output.count >= Self.flushSize else { return }
        sink(output)
        output.removeAll(keepingCapacity: true)
    }

    mutating func render(_ nodes: [Node]) throws(TemplateError) {
        for node in nodes {
            switch node {
            case .text(let text, let endsLine):
                writePendingIndentation()
                output.append(contentsOf: text)
                if endsLine { setIndentationPending(true) }

            case .variable(let name, let escaped):
                let value = lookUp(name)
                if case .text(let text) = value {
                    // Escaped (or copied) straight from its bytes: no string is made of them.
                    guard !text.isEmpty else { continue }
                    writePendingIndentation()
                    if escaped {
                        escaping.append(text, to: &output)
                    } else {
                        output.append(contentsOf: text.utf8)
                    }
                    continue
                }
                let text = value.interpolationText
                guard !text.isEmpty else { continue }
                writePendingIndentation()
                if escaped {
                    escaping.append(text, to: &output)
                } else {
                    output.append(contentsOf: text.utf8)
                }

            case .section(let name, let content, let inverted):
                let value = lookUp(name)
                if inverted {
                    if !value.isTruthy { try render(content) }
                } else if case .list(let items) = value {
                    if let parts = concurrency.parts(of: items.count) {
                        try renderConcurrently(items, in: parts, content)
                        continue
                    }
                    try render(content, for: items[...])
                } else if value.isTruthy {
                    // Moved onto the stack, not copied: the section is the value's last use.
                    contextStack.append(consume value)
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
            setIndentationPending(true)
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
        setIndentationPending(inclusion.indentation != nil)
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
            setIndentationPending(true)
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
        if startIsUnknown {
            // The first output of a part: what the text before it left pending decides.
            startIsUnknown = false
            leadingIndentation = indentation
        }
        if indentationPending {
            indentationPending = false
            output.append(contentsOf: indentation.utf8)
        }
    }

    @inline(__always)
    private mutating func setIndentationPending(_ pending: Bool) {
        // Whatever was pending at a part's start no longer matters once this is set.
        startIsUnknown = false
        indentationPending = pending
    }

    /// Renders `content` once per item, each item the innermost context in turn.
    private mutating func render(_ content: [Node], for items: ArraySlice<MustacheValue>) throws(TemplateError) {
        // By index: `for item in items` would copy each item before `resolved` copies it again.
        for index in items.indices {
            // A lazy item is built as its turn comes, and freed when it is over.
            contextStack.append(items[index].resolved)
            try render(content)
            contextStack.removeLast()
            flushIfFull()
        }
    }

    // MARK: - Long lists on several cores

    /// What one concurrently rendered part of a list gave.
    private struct Part {
        var text: [UInt8]
        /// The indentation due before `text` if the text before it left indentation pending.
        var leadingIndentation: String?
        /// Whether indentation is pending after the part; `nil` when the part neither wrote
        /// nor changed it, so what was pending before it still is.
        var endsPending: Bool?
    }

    /// Renders `content` once per item, the items cut into `parts` rendered concurrently, and
    /// joins the parts' texts in order: exactly the text of rendering the items in turn. Each
    /// part's text is joined (and so handed to the sink) as soon as it and every part before
    /// it are done, and only a few parts are rendered ahead of it (see ``PartsInOrder``).
    private mutating func renderConcurrently(
        _ items: [MustacheValue], in parts: [Range<Int>], _ content: [Node]
    ) throws(TemplateError) {
        var start = self
        start.output = []
        start.indentationPending = false
        start.startIsUnknown = true
        start.leadingIndentation = nil
        start.concurrency = .serial
        start.sink = nil
        let template = start
        let sizes = PartSizes()
        let inOrder = PartsInOrder(
            count: parts.count, window: concurrency.partsInFlight, helpers: ListConcurrency.helperThreads
        ) { index in
            var renderer = template
            renderer.output.reserveCapacity(sizes.expectedSize(ofItems: parts[index].count))
            return Result { () throws(TemplateError) -> Part in
                try renderer.render(content, for: items[parts[index]])
                sizes.record(renderer.output.count, items: parts[index].count)
                return Part(
                    text: renderer.output, leadingIndentation: renderer.leadingIndentation,
                    endsPending: renderer.startIsUnknown ? nil : renderer.indentationPending)
            }
        }
        // After a failed part, helpers start no further ones.
        defer { inOrder.abandon() }
        for _ in parts.indices {
            let part = try inOrder.next().get()
            if indentationPending, let leading = part.leadingIndentation {
                output.append(contentsOf: leading.utf8)
                indentationPending = false
            }
            append(part: part.text)
            if let endsPending = part.endsPending { indentationPending = endsPending }
            flushIfFull()
        }
    }

    /// Appends a part's text to the output. Rendering into a sink, a long part goes to it as a
    /// piece of its own (after what the output holds) rather than being copied into the output.
    private mutating func append(part text: [UInt8]) {
        guard let sink, text.count >= Self.flushSize / 4 else {
            output.append(contentsOf: text)
            return
        }
        if !output.isEmpty {
            sink(output)
            output.removeAll(keepingCapacity: true)
        }
        sink(text)
    }

    /// Looks a name up per the spec: the first component in the innermost context that has it,
    /// the rest strictly within what that finds; `.` is the innermost context itself. What it
    /// finds is never lazy: a lazy value is built here, once per lookup.
    private func lookUp(_ name: VariableName) -> MustacheValue {
        guard let first = name.first else {
            return contextStack.last ?? .null
        }
        // By index, so that each context is asked in place rather than copied out of the stack.
        var index = contextStack.endIndex
        while index > contextStack.startIndex {
            index -= 1
            guard var value = contextStack[index].member(first) else { continue }
            for component in name.rest {
                guard let next = value.member(component) else { return .null }
                value = next
            }
            return value
        }
        return .null
    }
}
