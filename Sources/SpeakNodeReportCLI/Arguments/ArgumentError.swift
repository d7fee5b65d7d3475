/// A command line that does not fit its command: shown as one line plus the command's usage,
/// and the process exits with status 2.
public struct ArgumentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One line, without an `error:` prefix.
    public var message: String
    /// The command the error belongs to, so its usage can be shown.
    public var commandPath: [String]

    public init(_ message: String, commandPath: [String]) {
        self.message = message
        self.commandPath = commandPath
    }

    public var description: String { message }
}
