/// Which attempts decide a test's outcome (`--attempts`).
public enum AttemptPolicy: String, Sendable, Hashable, CaseIterable {
    /// The latest attempt decides: a retry that passed makes the test pass (and flaky).
    case latest
    /// The worst attempt decides: any failed or errored attempt fails the test.
    case all
}
