/// The arguments of one command line, checked against a `CommandDefinition`.
public struct ParsedArguments: Sendable, Hashable {
    /// Subcommand names from the root to the command that runs, e.g. `["render"]`.
    public var commandPath: [String]
    /// Names of the flags that were given.
    public var flags: Set<String>
    /// The last value given for each option that takes one, or its default.
    public var values: [String: String]
    /// Positional values by positional name, in the order given.
    public var positionals: [String: [String]]

    public init(
        commandPath: [String], flags: Set<String> = [], values: [String: String] = [:],
        positionals: [String: [String]] = [:]
    ) {
        self.commandPath = commandPath
        self.flags = flags
        self.values = values
        self.positionals = positionals
    }

    /// Whether the flag `--name` was given.
    public func flag(_ name: String) -> Bool { flags.contains(name) }

    /// The value of `--name`, its default when not given, or `nil`.
    public func value(_ name: String) -> String? { values[name] }

    /// Every value of the positional `name`.
    public func positional(_ name: String) -> [String] { positionals[name] ?? [] }
}
