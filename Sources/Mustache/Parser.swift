/// Turns template source into a `Node` tree in one pass over its UTF-8 bytes.
///
/// Standalone lines (a section, comment, partial, parent, block or delimiter tag alone on its
/// line with only whitespace around it) are removed whole, as the Mustache spec asks. Block
/// content has its own indentation removed here, so blocks can be re-indented where they land.
struct Parser {
    /// What the body being parsed belongs to, and so what ends it.
    private enum Scope {
        case root
        case section(name: String, opener: Tag)
        /// Directly inside `{{<name}}`: only blocks count, other text is ignored.
        case parent(name: String, opener: Tag, openedAtLineStart: Bool)
        case block(name: String, opener: Tag)

        var closingName: String? {
            switch self {
            case .root: nil
            case .section(let name, _), .parent(let name, _, _), .block(let name, _): name
            }
        }

        var isParent: Bool {
            if case .parent = self { return true }
            return false
        }
    }

    /// A parsed body and how its closing tag stood.
    private struct Body {
        var nodes: [Node]
        /// The closing tag stood alone on its line (that line was removed).
        var closedStandalone: Bool
        /// Only whitespace preceded the closing tag on its line.
        var closedAtLineStart: Bool
    }

    /// The most sections, blocks and parents that may nest in one template.
    private static let maximumNesting = 500

    private let bytes: [UInt8]
    private let templateName: String
    private var position = 0
    private var line = 1
    private var lineStart = 0
    private var openDelimiter: [UInt8] = Array("{{".utf8)
    private var closeDelimiter: [UInt8] = Array("}}".utf8)
    /// Indentation removed from the start of every line of the block being parsed.
    private var removedIndentation: ArraySlice<UInt8> = []
    private var nesting = 0

    init(source: String, templateName: String) {
        self.bytes = Array(source.utf8)
        self.templateName = templateName
    }

    mutating func parse() throws(TemplateError) -> [Node] {
        try parseBody(in: .root, atLineStart: true).nodes
    }

    // MARK: - Bodies

    private mutating func parseBody(in scope: Scope, atLineStart startsAtLineStart: Bool) throws(TemplateError) -> Body {
        nesting += 1
        defer { nesting -= 1 }
        var nodes: [Node] = []
        var atLineStart = startsAtLineStart
        let keepsText = !scope.isParent

        while true {
            var textStart = position
            if atLineStart {
                if position == lineStart { skipRemovedIndentation() }
                textStart = position
                skipSpacesAndTabs()
            }
            let whitespaceEnd = position
            scanText()

            if position < bytes.count, bytes[position] == UInt8(ascii: "\n") {
                position += 1
                if keepsText { appendText(textStart..<position, endsLine: true, to: &nodes) }
                startLine()
                atLineStart = true
                continue
            }
            if position > whitespaceEnd {
                if keepsText { appendText(textStart..<position, endsLine: false, to: &nodes) }
                textStart = position
                atLineStart = false
            }
            if position >= bytes.count {
                if keepsText, textStart < position { appendText(textStart..<position, endsLine: false, to: &nodes) }
                if let closing = scope.closingName {
                    throw unclosed(scope, name: closing)
                }
                return Body(nodes: nodes, closedStandalone: false, closedAtLineStart: atLineStart)
            }

            // A tag starts here; `leading` is the whitespace before it when it starts its line.
            let leading = textStart..<position
            let tag = try readTag()
            let standalone = atLineStart && restOfLineIsBlank()

            switch tag.sigil {
            case "!", "=":
                if tag.sigil == "=" { try changeDelimiters(tag) }
                if standalone {
                    consumeRestOfLine()
                } else if keepsText {
                    appendText(leading, endsLine: false, to: &nodes)
                }
                atLineStart = standalone

            case "#", "^":
                let name = try variableName(tag)
                try rejectInsideParent(scope, tag)
                if standalone { consumeRestOfLine() } else { appendText(leading, endsLine: false, to: &nodes) }
                try checkNesting(tag)
                let body = try parseBody(
                    in: .section(name: tag.content, opener: tag),
                    atLineStart: standalone
                )
                nodes.append(.section(name, body.nodes, inverted: tag.sigil == "^"))
                atLineStart = body.closedStandalone

            case "/":
                let name = try plainName(tag)
                guard let expected = scope.closingName else {
                    throw error(at: tag, "closing tag {{/\(name)}} has no opening tag")
                }
                guard name == expected else {
                    throw error(at: tag, "closing tag {{/\(name)}} does not match the open {{\(expected)}}; expected {{/\(expected)}}")
                }
                var closesStandalone = standalone
                if case .parent(_, _, let openedAtLineStart) = scope, !openedAtLineStart {
                    closesStandalone = false
                }
                if closesStandalone {
                    consumeRestOfLine()
                } else if keepsText {
                    appendText(leading, endsLine: false, to: &nodes)
                }
                return Body(nodes: nodes, closedStandalone: closesStandalone, closedAtLineStart: atLineStart)

            case ">":
                let (name, dynamicName) = try inclusionName(tag)
                try rejectInsideParent(scope, tag)
                var indentation: String?
                if standalone {
                    indentation = string(leading)
                    consumeRestOfLine()
                } else {
                    appendText(leading, endsLine: false, to: &nodes)
                }
                nodes.append(.partial(Inclusion(
                    name: name, dynamicName: dynamicName, indentation: indentation, overrides: [:],
                    line: tag.line, column: tag.column
                )))
                atLineStart = standalone

            case "<":
                let (name, dynamicName) = try inclusionName(tag)
                try rejectInsideParent(scope, tag)
                try checkNesting(tag)
                // A dynamic parent closes with the name as written: `{{<*name}}…{{/*name}}`.
                let closingName = dynamicName == nil ? name : "*" + name
                let body = try parseBody(
                    in: .parent(name: closingName, opener: tag, openedAtLineStart: atLineStart),
                    atLineStart: true
                )
                var overrides: [String: [Node]] = [:]
                for case .block(let block) in body.nodes {
                    overrides[block.name] = block.content
                }
                let parentStandalone = atLineStart && body.closedStandalone
                if !parentStandalone { appendText(leading, endsLine: false, to: &nodes) }
                nodes.append(.parent(Inclusion(
                    name: name,
                    dynamicName: dynamicName,
                    indentation: parentStandalone ? string(leading) : nil,
                    overrides: overrides,
                    line: tag.line,
                    column: tag.column
                )))
                atLineStart = body.closedStandalone

            case "$":
                let name = try plainName(tag)
                let placement: Block.Placement
                let savedRemoval = removedIndentation
                if standalone {
                    consumeRestOfLine()
                    let contentIndentation = indentationOfCurrentLine()
                    removedIndentation = bytes[lineStart..<contentIndentation.upperBound]
                    placement = .standalone(indentation: string(contentIndentation))
                } else {
                    if keepsText { appendText(leading, endsLine: false, to: &nodes) }
                    placement = .inline(indentation: string(leading))
                }
                try checkNesting(tag)
                let body = try parseBody(
                    in: .block(name: name, opener: tag),
                    atLineStart: standalone
                )
                removedIndentation = savedRemoval
                nodes.append(.block(Block(
                    name: name, content: body.nodes, placement: placement, line: tag.line, column: tag.column
                )))
                // Inside a parent, text between blocks is ignored, so a block that closes at
                // the start of a line leaves the parent's closing tag free to stand alone.
                atLineStart = body.closedStandalone || (scope.isParent && body.closedAtLineStart)

            default:
                let name = try variableName(tag)
                try rejectInsideParent(scope, tag)
                appendText(leading, endsLine: false, to: &nodes)
                let escaped = tag.sigil != "{" && tag.sigil != "&"
                nodes.append(.variable(name, escaped: escaped))
                atLineStart = false
            }
        }
    }

    // MARK: - Tags

    /// A tag as written: its kind (`sigil`, or a space for a plain variable) and trimmed content.
    private struct Tag {
        var sigil: Character
        var content: String
        var line: Int
        /// Where the tag's line starts and where the tag starts, in the source bytes.
        var lineStart: Int
        var start: Int
        var source: [UInt8]

        /// The 1-based column in characters; counted only when needed, as long lines make it costly.
        var column: Int {
            String(decoding: source[lineStart..<start], as: UTF8.self).count + 1
        }
    }

    /// Reads the tag at `position` (which is at an opening delimiter) up to its closing delimiter.
    private mutating func readTag() throws(TemplateError) -> Tag {
        let tagLine = line
        let tagLineStart = lineStart
        let tagStart = position
        position += openDelimiter.count
        var sigil: Character = " "
        var terminator = closeDelimiter
        if position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "/"),
                UInt8(ascii: ">"), UInt8(ascii: "<"), UInt8(ascii: "$"), UInt8(ascii: "&"):
                sigil = Character(Unicode.Scalar(byte))
                position += 1
            case UInt8(ascii: "{"):
                sigil = "{"
                terminator = [UInt8(ascii: "}")] + closeDelimiter
                position += 1
            case UInt8(ascii: "="):
                sigil = "="
                terminator = [UInt8(ascii: "=")] + closeDelimiter
                position += 1
            default:
                break
            }
        }
        let contentStart = position
        guard let contentEnd = find(terminator, from: position) else {
            let expected = String(decoding: terminator, as: UTF8.self)
            throw TemplateError(
                templateName: templateName, line: tagLine, column: column(of: tagStart),
                message: "unclosed tag: expected \"\(expected)\""
            )
        }
        // Tags may span lines (comments often do): keep the line count right.
        for index in contentStart..<contentEnd where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        position = contentEnd + terminator.count
        let content = string(trimmed(contentStart..<contentEnd))
        return Tag(
            sigil: sigil, content: content, line: tagLine, lineStart: tagLineStart, start: tagStart, source: bytes
        )
    }

    /// The name of a section or variable tag: dotted components, or `.` alone.
    private func variableName(_ tag: Tag) throws(TemplateError) -> VariableName {
        let name = try plainName(tag)
        if name == "." { return VariableName(components: []) }
        let components = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !components.contains(where: \.isEmpty) else {
            throw error(at: tag, "invalid name \"\(name)\": dotted names need a name between every dot")
        }
        return VariableName(components: components)
    }

    /// The name of a partial or parent; `*name` (dynamic) names it by a context value.
    private func inclusionName(_ tag: Tag) throws(TemplateError) -> (String, VariableName?) {
        guard tag.content.hasPrefix("*") else { return (try plainName(tag), nil) }
        var named = tag
        named.content = String(tag.content.dropFirst()).trimmingSpaces()
        return (named.content, try variableName(named))
    }

    /// A tag's name: not empty, no whitespace inside.
    private func plainName(_ tag: Tag) throws(TemplateError) -> String {
        let name = tag.content
        guard !name.isEmpty else {
            throw error(at: tag, "empty tag name")
        }
        guard !name.unicodeScalars.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else {
            throw error(at: tag, "invalid name \"\(name)\": names cannot contain whitespace")
        }
        return name
    }

    /// `{{=<% %>=}}`: two delimiters, separated by whitespace, with no whitespace or `=` inside.
    private mutating func changeDelimiters(_ tag: Tag) throws(TemplateError) {
        let parts = tag.content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
            throw error(at: tag, "invalid delimiter change \"\(tag.content)\": expected two delimiters separated by whitespace, as in {{=<% %>=}}")
        }
        openDelimiter = Array(parts[0].utf8)
        closeDelimiter = Array(parts[1].utf8)
    }

    private func rejectInsideParent(_ scope: Scope, _ tag: Tag) throws(TemplateError) {
        if case .parent(let name, _, _) = scope {
            throw error(at: tag, "only blocks ({{$name}}) may appear directly inside the parent tag {{<\(name)}}")
        }
    }

    private func checkNesting(_ tag: Tag) throws(TemplateError) {
        guard nesting < Self.maximumNesting else {
            throw error(at: tag, "sections nest more than \(Self.maximumNesting) deep")
        }
    }

    private func unclosed(_ scope: Scope, name: String) -> TemplateError {
        switch scope {
        case .root:
            return TemplateError(templateName: templateName, line: line, column: column(of: position), message: "unexpected end")
        case .section(_, let opener):
            return error(at: opener, "unclosed section \"\(name)\": expected {{/\(name)}}")
        case .parent(_, let opener, _):
            return error(at: opener, "unclosed parent \"\(name)\": expected {{/\(name)}}")
        case .block(_, let opener):
            return error(at: opener, "unclosed block \"\(name)\": expected {{/\(name)}}")
        }
    }

    private func error(at tag: Tag, _ message: String) -> TemplateError {
        TemplateError(templateName: templateName, line: tag.line, column: tag.column, message: message)
    }

    // MARK: - Scanning

    /// Advances to the next newline, opening delimiter, or the end.
    private mutating func scanText() {
        let first = openDelimiter.first ?? UInt8(ascii: "{")
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\n") { return }
            if byte == first, matches(openDelimiter, at: position) { return }
            position += 1
        }
    }

    private mutating func skipSpacesAndTabs() {
        while position < bytes.count, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") {
            position += 1
        }
    }

    /// Skips as much of the enclosing blocks' indentation as this line starts with.
    private mutating func skipRemovedIndentation() {
        for byte in removedIndentation {
            guard position < bytes.count, bytes[position] == byte else { return }
            position += 1
        }
    }

    /// The whitespace a line starts with, after the enclosing blocks' indentation.
    private func indentationOfCurrentLine() -> Range<Int> {
        var start = lineStart
        for byte in removedIndentation {
            guard start < bytes.count, bytes[start] == byte else { break }
            start += 1
        }
        var end = start
        while end < bytes.count, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t") {
            end += 1
        }
        return start..<end
    }

    /// Whether only spaces and tabs follow up to a newline (`\n` or `\r\n`) or the end.
    private func restOfLineIsBlank() -> Bool {
        lineEnd() != nil
    }

    /// The position after the line's newline, when only spaces and tabs come before it.
    private func lineEnd() -> Int? {
        var index = position
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
            index += 1
        }
        if index == bytes.count { return index }
        if bytes[index] == UInt8(ascii: "\n") { return index + 1 }
        if bytes[index] == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") {
            return index + 2
        }
        return nil
    }

    /// Drops the rest of a standalone tag's line, newline included.
    private mutating func consumeRestOfLine() {
        guard let end = lineEnd() else { return }
        let hadNewline = end > 0 && bytes[end - 1] == UInt8(ascii: "\n") && end > position
        position = end
        if hadNewline { startLine() }
    }

    private mutating func startLine() {
        line += 1
        lineStart = position
    }

    private func matches(_ pattern: [UInt8], at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where bytes[index + offset] != pattern[offset] {
            return false
        }
        return true
    }

    private func find(_ pattern: [UInt8], from start: Int) -> Int? {
        guard let first = pattern.first else { return nil }
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] == first, matches(pattern, at: index) { return index }
            index += 1
        }
        return nil
    }

    private func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        func isWhitespace(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
        }
        while lower < upper, isWhitespace(bytes[lower]) { lower += 1 }
        while upper > lower, isWhitespace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// The 1-based column, in characters, of a position on the current line.
    private func column(of index: Int) -> Int {
        String(decoding: bytes[lineStart..<max(lineStart, index)], as: UTF8.self).count + 1
    }

    private func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    private func appendText(_ range: Range<Int>, endsLine: Bool, to nodes: inout [Node]) {
        guard !range.isEmpty else { return }
        nodes.append(.text(Array(bytes[range]), endsLine: endsLine))
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    fileprivate func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
