extension SummaryDocument {
    /// One test run in a ``SummaryDocument``.
    public struct Run: Sendable, Hashable, Codable {
        /// The `test_run_id`.
        public var id: String
        /// The campaign name, when the run had one; baselines match runs by it.
        public var name: String?
        /// The most severe outcome of the run's tests.
        public var outcome: String?
        public var counts: SummaryCounts
        public var duration: Double
        /// Passed tests over executed tests.
        public var passRate: Double?
        public var slowTurns: Int
        public var latency: [String: LatencyStatistics]
        /// Sorted by name, then id.
        public var tests: [Test]

        public init(
            id: String, name: String?, outcome: String?, counts: SummaryCounts, duration: Double,
            passRate: Double?, slowTurns: Int, latency: [String: LatencyStatistics], tests: [Test]
        ) {
            self.id = id
            self.name = name
            self.outcome = outcome
            self.counts = counts
            self.duration = duration
            self.passRate = passRate
            self.slowTurns = slowTurns
            self.latency = latency
            self.tests = tests
        }

        enum CodingKeys: String, CodingKey {
            case id, name, outcome, counts, duration
            case passRate = "pass_rate"
            case slowTurns = "slow_turns"
            case latency, tests
        }

        /// The statistics of one metric, when it was measured.
        public func latency(of metric: LatencyMetric) -> LatencyStatistics? { latency[metric.payloadName] }
    }
}
