/// A command that cannot go on: a path that does not fit, a file that cannot be read or
/// written. Shown as `error: message` and the process exits with status 2.
struct CommandFailure: Error, Equatable, CustomStringConvertible {
    var message: String

    init(_ message: String) {
        self.message = message
    }

    var description: String { message }
}
