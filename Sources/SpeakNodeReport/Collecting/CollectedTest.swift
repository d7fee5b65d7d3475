/// One test (`test_id`) of a run, with its attempts before any verdict.
public struct CollectedTest: Sendable, Hashable {
    public var id: String
    public var runID: String
    /// In order of `start_time`, then `created_at`, then `session_id` (conversations
    /// without one last), then source location — never in order of arrival.
    public var attempts: [CollectedAttempt]

    public init(id: String, runID: String, attempts: [CollectedAttempt]) {
        self.id = id
        self.runID = runID
        self.attempts = attempts
    }
}
