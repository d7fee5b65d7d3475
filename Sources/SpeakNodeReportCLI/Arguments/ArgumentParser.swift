/// Parses a command line against a tree of `CommandDefinition`s.
///
/// Conventions, the same for every command:
/// - `--name value` and `--name=value`; a value that itself starts with `--` must use `=`.
/// - `-x` for an option's one-letter alias; `-` alone is a positional (standard input).
/// - `--` ends the options: everything after it is positional.
/// - `-h`/`--help` on any command, `help COMMAND` on a group, and `--version` anywhere.
/// - Options may come before or after positionals.
public struct ArgumentParser: Sendable {
    public var root: CommandDefinition

    public init(root: CommandDefinition) {
        self.root = root
    }

    /// Parses `arguments` (without the program name).
    public func parse(_ arguments: [String]) throws(ArgumentError) -> ParseOutcome {
        var command = root
        var path: [String] = []
        var flags: Set<String> = []
        var values: [String: String] = [:]
        var positionals: [String] = []
        var optionsEnded = false
        var index = 0

        while index < arguments.count {
            let argument = arguments[index]
            index += 1

            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                if !command.subcommands.isEmpty {
                    if path.isEmpty, argument == "help", root.subcommand(named: "help") == nil {
                        return try helpOutcome(for: Array(arguments[index...]))
                    }
                    guard let next = command.subcommand(named: argument) else {
                        throw unknownCommand(argument, in: command, path: path)
                    }
                    command = next
                    path.append(argument)
                    continue
                }
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            if argument == "--help" || argument == "-h" { return .help(commandPath: path) }
            if argument == "--version" { return .version }

            let option: OptionDefinition
            var inlineValue: String?
            if argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                let name: Substring
                if let equals = body.firstIndex(of: "=") {
                    name = body[..<equals]
                    inlineValue = String(body[body.index(after: equals)...])
                } else {
                    name = body
                }
                guard let found = command.option(named: String(name)) else {
                    throw unknownOption("--\(name)", in: command, path: path)
                }
                option = found
            } else {
                let letters = Array(argument.dropFirst())
                guard letters.count == 1, let found = command.option(short: letters[0]) else {
                    throw unknownOption(argument, in: command, path: path)
                }
                option = found
            }

            switch option.kind {
            case .flag:
                if inlineValue != nil {
                    throw ArgumentError("option \(option.spelling) does not take a value", commandPath: path)
                }
                flags.insert(option.name)
            case .value(let valueName, let allowed, _):
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else if index < arguments.count, !arguments[index].hasPrefix("--") || arguments[index] == "-" {
                    value = arguments[index]
                    index += 1
                } else {
                    throw ArgumentError("option \(option.spelling) needs a value (\(valueName))", commandPath: path)
                }
                if !allowed.isEmpty, !allowed.contains(value) {
                    let list = allowed.joined(separator: ", ")
                    throw ArgumentError(
                        "invalid value '\(value)' for \(option.spelling); allowed: \(list)", commandPath: path)
                }
                values[option.name] = value
            }
        }

        if !command.subcommands.isEmpty {
            let names = command.subcommands.map(\.name).joined(separator: ", ")
            throw ArgumentError("missing command (one of: \(names))", commandPath: path)
        }
        for option in command.options {
            if case .value(_, _, let defaultValue?) = option.kind, values[option.name] == nil {
                values[option.name] = defaultValue
            }
        }
        return .run(ParsedArguments(
            commandPath: path, flags: flags, values: values,
            positionals: try assign(positionals, to: command.positionals, path: path)
        ))
    }

    /// `help`, `help render`: help for the named command.
    private func helpOutcome(for names: [String]) throws(ArgumentError) -> ParseOutcome {
        var command = root
        var path: [String] = []
        for name in names {
            guard let next = command.subcommand(named: name) else {
                throw unknownCommand(name, in: command, path: path)
            }
            command = next
            path.append(name)
        }
        return .help(commandPath: path)
    }

    /// Hands out positional values in declaration order; a repeated positional takes what is
    /// left after the single ones declared after it.
    private func assign(
        _ values: [String], to definitions: [PositionalDefinition], path: [String]
    ) throws(ArgumentError) -> [String: [String]] {
        var result: [String: [String]] = [:]
        var remaining = values[...]
        for (position, definition) in definitions.enumerated() {
            if definition.isRepeated {
                let reserved = definitions[(position + 1)...].count
                let take = min(remaining.count, max(definition.isRequired ? 1 : 0, remaining.count - reserved))
                result[definition.name] = Array(remaining.prefix(take))
                remaining = remaining.dropFirst(take)
            } else if let value = remaining.first {
                result[definition.name] = [value]
                remaining = remaining.dropFirst()
            }
            if definition.isRequired, result[definition.name, default: []].isEmpty {
                throw ArgumentError("missing \(definition.name)", commandPath: path)
            }
        }
        if let extra = remaining.first {
            throw ArgumentError("unexpected argument '\(extra)'", commandPath: path)
        }
        return result
    }

    private func unknownOption(_ spelling: String, in command: CommandDefinition, path: [String]) -> ArgumentError {
        var candidates = command.options.map(\.spelling)
        candidates += ["--help", "--version"]
        var message = "unknown option '\(spelling)'"
        if spelling.hasPrefix("--"), let match = Suggestion.closest(to: spelling, in: candidates) {
            message += "; did you mean '\(match)'?"
        }
        return ArgumentError(message, commandPath: path)
    }

    private func unknownCommand(_ name: String, in command: CommandDefinition, path: [String]) -> ArgumentError {
        var candidates = command.subcommands.map(\.name)
        if path.isEmpty { candidates.append("help") }
        var message = "unknown command '\(name)'"
        if let match = Suggestion.closest(to: name, in: candidates) {
            message += "; did you mean '\(match)'?"
        } else {
            message += " (commands: \(candidates.joined(separator: ", ")))"
        }
        return ArgumentError(message, commandPath: path)
    }
}
