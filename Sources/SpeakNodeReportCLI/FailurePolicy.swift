/// When `render` exits with status 1 (`--fail-on`).
enum FailurePolicy: String, CaseIterable, Sendable {
    /// A failed or errored test fails the command.
    case failed
    /// Test outcomes never affect the exit status; usage and input problems still do.
    case never
}
