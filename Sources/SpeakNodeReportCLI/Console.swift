#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SpeakNodeReport

/// The world a command runs in: its streams, environment variables and terminal.
///
/// The process uses `Console.process`; tests pass their own, so they can feed standard input,
/// capture output and decide whether standard error is a terminal.
public struct Console {
    /// Environment variables, e.g. `NO_COLOR`.
    public var environment: [String: String]
    /// Whether standard error is shown on a terminal (`isatty`), which allows colour.
    public var standardErrorIsTerminal: Bool
    /// Whether standard input is a terminal, where reading `-` waits for someone to type.
    public var standardInputIsTerminal: Bool
    /// Reads all of standard input, for the input `-`.
    public var readStandardInput: @Sendable () throws -> [UInt8]
    /// Writes text to standard output; throws when it cannot (a full disk, a closed pipe).
    public var writeOutput: (String) throws -> Void
    /// Writes text to standard error.
    public var writeError: (String) -> Void

    public init(
        environment: [String: String] = [:],
        standardErrorIsTerminal: Bool = false,
        standardInputIsTerminal: Bool = false,
        readStandardInput: @escaping @Sendable () throws -> [UInt8] = { [] },
        writeOutput: @escaping (String) throws -> Void = { _ in },
        writeError: @escaping (String) -> Void = { _ in }
    ) {
        self.environment = environment
        self.standardErrorIsTerminal = standardErrorIsTerminal
        self.standardInputIsTerminal = standardInputIsTerminal
        self.readStandardInput = readStandardInput
        self.writeOutput = writeOutput
        self.writeError = writeError
    }

    /// The running process's own streams and environment.
    public static func process() -> Console {
        Console(
            environment: ProcessInfo.processInfo.environment,
            standardErrorIsTerminal: isatty(STDERR_FILENO) == 1,
            standardInputIsTerminal: isatty(STDIN_FILENO) == 1,
            readStandardInput: FileReading.readStandardInput,
            writeOutput: { try StandardStream.write($0, to: STDOUT_FILENO) },
            writeError: { try? StandardStream.write($0, to: STDERR_FILENO) }
        )
    }

    /// Colours for standard error, as `usesColor` allows.
    var style: TerminalStyle { TerminalStyle(isEnabled: usesColor) }

    /// `error: message`, the prefix in red when colour is on.
    func writeErrorLine(_ message: String) {
        writeError(errorLine(message))
    }

    func errorLine(_ message: String) -> String {
        style.paint("error:", .red) + " \(message)\n"
    }

    /// Colour only on a terminal, and never when `NO_COLOR` is set to anything
    /// (https://no-color.org).
    public var usesColor: Bool {
        standardErrorIsTerminal && (environment["NO_COLOR"] ?? "").isEmpty
    }
}
