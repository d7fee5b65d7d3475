/// What a command line asks for.
public enum ParseOutcome: Sendable, Hashable {
    /// Run the command with these arguments.
    case run(ParsedArguments)
    /// Show help for the command at this path (`--help`, `-h` or `help COMMAND`).
    case help(commandPath: [String])
    /// Show the version (`--version`).
    case version
}
