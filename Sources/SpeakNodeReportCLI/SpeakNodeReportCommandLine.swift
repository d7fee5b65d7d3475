/// The `speaknode-report` command line: parses the arguments, runs a command, and says how
/// the process should exit. The executable only calls `run`; tests drive it the same way.
public struct SpeakNodeReportCommandLine {
    public var console: Console

    public init(console: Console = .process()) {
        self.console = console
    }

    /// Runs the command line `arguments` (without the program name).
    public func run(_ arguments: [String]) -> ExitCode {
        let root = CommandDefinitions.root
        let help = HelpFormatter(root: root)
        let outcome: ParseOutcome
        do {
            outcome = try ArgumentParser(root: root).parse(arguments)
        } catch {
            let helpCommand = (["\(root.name) help"] + error.commandPath).joined(separator: " ")
            console.writeError(console.errorLine(error.message) + """
                \(help.usage(for: error.commandPath, compact: true))
                Run '\(error.commandPath.isEmpty ? "\(root.name) --help" : helpCommand)' for more.

                """)
            return .usageOrInputError
        }

        switch outcome {
        case .help(let path):
            // Help and version text read through `| head` may meet a closed pipe; that is fine.
            try? console.writeOutput(help.help(for: path))
            return .success
        case .version:
            try? console.writeOutput("\(root.name) \(ToolVersion.current)\n")
            return .success
        case .run(let parsed):
            switch parsed.commandPath {
            case [CommandDefinitions.render.name]:
                return RenderCommand(arguments: parsed, console: console).run()
            case [CommandDefinitions.templates.name]:
                return TemplatesCommand(arguments: parsed, console: console).run()
            default:
                console.writeErrorLine("no such command \(parsed.commandPath.joined(separator: " "))")
                return .usageOrInputError
            }
        }
    }
}
