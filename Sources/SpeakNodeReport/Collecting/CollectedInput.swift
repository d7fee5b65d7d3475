/// The test conversations of an input grouped into runs, tests and attempts, with a count
/// of everything that was left out so nothing disappears silently.
///
/// It depends only on which deliveries were read, never on the order they arrived in.
public struct CollectedInput: Sendable, Hashable {
    /// Sorted by run id.
    public var runs: [CollectedRun]
    /// Copies of a session that was already collected (webhooks arrive at least once).
    public var redeliveries: Int
    /// Deliveries of other events, deliveries without a conversation, and conversations
    /// without a `test_run_id` or `test_id`.
    public var nonTestDeliveries: Int

    public init(runs: [CollectedRun] = [], redeliveries: Int = 0, nonTestDeliveries: Int = 0) {
        self.runs = runs
        self.redeliveries = redeliveries
        self.nonTestDeliveries = nonTestDeliveries
    }

    /// Every attempt of every test of every run, in collection order.
    public var attempts: [CollectedAttempt] {
        runs.flatMap { $0.tests.flatMap(\.attempts) }
    }
}
