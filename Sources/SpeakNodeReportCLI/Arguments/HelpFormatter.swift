/// Writes usage lines and `--help` pages from command definitions.
public struct HelpFormatter: Sendable {
    /// The root command; its name is the program name.
    public var root: CommandDefinition
    /// Text is wrapped to this many columns.
    public var width: Int

    public init(root: CommandDefinition, width: Int = 80) {
        self.root = root
        self.width = width
    }

    /// `Usage: speaknode-report render INPUT... [--out DIR] ...`, wrapped with a hanging indent.
    /// The `compact` form, for error messages, says `[options]` instead of listing them.
    public func usage(for path: [String], compact: Bool = false) -> String {
        let command = root.descendant(at: path) ?? root
        let name = ([root.name] + path).joined(separator: " ")
        var words: [String] = []
        if !command.subcommands.isEmpty {
            words.append("COMMAND")
        } else {
            words += command.positionals.map(\.usage)
            if compact {
                if !command.options.isEmpty { words.append("[options]") }
            } else {
                words += command.options.map { option in
                    switch option.kind {
                    case .flag: "[\(option.spelling)]"
                    case .value(let valueName, _, _): "[\(option.spelling) \(valueName)]"
                    }
                }
            }
        }
        let prefix = "Usage: \(name) "
        return wrap(words, firstPrefix: prefix, indent: String(repeating: " ", count: prefix.count))
    }

    /// The full help page for the command at `path`.
    public func help(for path: [String]) -> String {
        let command = root.descendant(at: path) ?? root
        var sections = [wrap(command.summary.split(whereSeparator: \.isWhitespace).map(String.init), firstPrefix: "", indent: "")]
        if !command.discussion.isEmpty {
            sections.append(command.discussion.split(separator: "\n\n", omittingEmptySubsequences: false)
                .map { paragraph in
                    wrap(paragraph.split(whereSeparator: \.isWhitespace).map(String.init), firstPrefix: "", indent: "")
                }
                .joined(separator: "\n\n"))
        }
        sections.append(usage(for: path))

        if !command.subcommands.isEmpty {
            var rows = command.subcommands.map { (label: $0.name, text: $0.summary) }
            if path.isEmpty { rows.append((label: "help COMMAND", text: "Show help for a command.")) }
            sections.append("Commands:\n" + table(rows))
        }
        if !command.positionals.isEmpty {
            sections.append("Arguments:\n" + table(command.positionals.map { (label: $0.usage, text: $0.help) }))
        }
        var optionRows = command.options.map { option in (label: label(for: option), text: text(for: option)) }
        optionRows.append((label: "-h, --help", text: "Show this help."))
        if path.isEmpty { optionRows.append((label: "--version", text: "Show the version.")) }
        sections.append("Options:\n" + table(optionRows))
        return sections.joined(separator: "\n\n") + "\n"
    }

    private func label(for option: OptionDefinition) -> String {
        var label = option.shortName.map { "-\($0), " } ?? ""
        label += option.spelling
        if case .value(let valueName, _, _) = option.kind { label += " \(valueName)" }
        return label
    }

    private func text(for option: OptionDefinition) -> String {
        guard case .value(_, let allowed, let defaultValue) = option.kind else { return option.help }
        var text = option.help
        if !allowed.isEmpty { text += " One of: \(allowed.joined(separator: ", "))." }
        if let defaultValue { text += " (default: \(defaultValue))" }
        return text
    }

    /// Two columns: labels padded to a common width, text wrapped beside them. A label too
    /// long for the column gets its text on the next line.
    private func table(_ rows: [(label: String, text: String)]) -> String {
        let column = min(28, (rows.map(\.label.count).max() ?? 0) + 4)
        return rows.map { row in
            let indent = String(repeating: " ", count: column)
            let words = row.text.split(whereSeparator: \.isWhitespace).map(String.init)
            let label = "  " + row.label
            if label.count + 2 > column {
                return label + "\n" + wrap(words, firstPrefix: indent, indent: indent)
            }
            let padded = label + String(repeating: " ", count: column - label.count)
            return wrap(words, firstPrefix: padded, indent: indent)
        }.joined(separator: "\n")
    }

    /// Joins words into lines no wider than `width` (a single long word may exceed it).
    private func wrap(_ words: [String], firstPrefix: String, indent: String) -> String {
        var lines: [String] = []
        var line = firstPrefix
        var lineHasWord = false
        for word in words {
            if lineHasWord, line.count + 1 + word.count > width {
                lines.append(line)
                line = indent
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        lines.append(line)
        return lines.map { $0.trailingSpacesRemoved }.joined(separator: "\n")
    }
}

private extension String {
    var trailingSpacesRemoved: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
