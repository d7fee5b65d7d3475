/// Reads deliveries, collects them into runs and tests, and evaluates them: everything
/// between input paths and a `Report`, so a front end such as the command line stays thin.
public struct ReportPipeline {
    /// Which attempts decide a test's outcome.
    public var policy: AttemptPolicy
    /// `test_id` → display name.
    public var names: [String: String]
    /// Reads files, NDJSON lines and standard input (`-`).
    public var reader: DeliveryReader
    /// What makes a turn slow (`--budget`).
    public var budget: LatencyBudget = .default
    /// Fails passing tests whose end-to-end latency is over budget (`--fail-on-latency`); off when `nil`.
    public var latencyGate: LatencyGate?

    public init(policy: AttemptPolicy = .latest, names: [String: String] = [:], reader: DeliveryReader = DeliveryReader()) {
        self.policy = policy
        self.names = names
        self.reader = reader
    }

    /// The report for `inputs` (paths, `-` for standard input), and what was read to make it.
    /// Input that cannot be read becomes a problem in both; the rest is still reported.
    ///
    /// The report takes over the conversations it keeps (see ``Collector/collect(taking:)``):
    /// their deliveries in the batch are left without one, which saves retaining and releasing
    /// every text of every conversation once more.
    public func makeReport(from inputs: [String]) -> (report: Report, batch: InputBatch) {
        var batch = reader.read(inputs)
        let collection = Collector().collect(taking: &batch.deliveries)
        let report = Evaluator(policy: policy, names: names, budget: budget, latencyGate: latencyGate).evaluate(collection, problems: batch.problems)
        return (report, batch)
    }
}
