/// A command, its arguments and its subcommands: everything the parser and `--help` need.
///
/// A command with subcommands is a group: its first positional argument picks one.
public struct CommandDefinition: Sendable, Hashable {
    public var name: String
    /// One line, shown in the parent's list of commands.
    public var summary: String
    /// Longer text for the command's own `--help`; paragraphs separated by blank lines.
    public var discussion: String
    public var options: [OptionDefinition]
    public var positionals: [PositionalDefinition]
    public var subcommands: [CommandDefinition]

    public init(
        name: String, summary: String, discussion: String = "", options: [OptionDefinition] = [],
        positionals: [PositionalDefinition] = [], subcommands: [CommandDefinition] = []
    ) {
        self.name = name
        self.summary = summary
        self.discussion = discussion
        self.options = options
        self.positionals = positionals
        self.subcommands = subcommands
    }

    /// The subcommand with this name.
    public func subcommand(named name: String) -> CommandDefinition? {
        subcommands.first { $0.name == name }
    }

    /// The command reached by following `path` (subcommand names) from this one.
    public func descendant(at path: [String]) -> CommandDefinition? {
        var command = self
        for name in path {
            guard let next = command.subcommand(named: name) else { return nil }
            command = next
        }
        return command
    }

    func option(named name: String) -> OptionDefinition? {
        options.first { $0.name == name }
    }

    func option(short: Character) -> OptionDefinition? {
        options.first { $0.shortName == short }
    }
}
