extension SummaryDocument {
    /// One test of a run in a ``SummaryDocument``.
    public struct Test: Sendable, Hashable, Codable {
        /// The `test_id`; baselines match tests by it.
        public var id: String
        /// The display name (from `--names`, else the id).
        public var name: String
        /// `passed`, `failed`, `error` or `skipped`.
        public var outcome: String
        /// The counts of this one test (`tests` is 1).
        public var counts: SummaryCounts
        public var duration: Double
        /// For repeats: passed attempts over evaluated attempts.
        public var passRate: Double?
        public var slowTurns: Int
        public var latency: [String: LatencyStatistics]

        public init(
            id: String, name: String, outcome: String, counts: SummaryCounts, duration: Double,
            passRate: Double?, slowTurns: Int, latency: [String: LatencyStatistics]
        ) {
            self.id = id
            self.name = name
            self.outcome = outcome
            self.counts = counts
            self.duration = duration
            self.passRate = passRate
            self.slowTurns = slowTurns
            self.latency = latency
        }

        enum CodingKeys: String, CodingKey {
            case id, name, outcome, counts, duration
            case passRate = "pass_rate"
            case slowTurns = "slow_turns"
            case latency
        }

        /// The statistics of one metric, when it was measured.
        public func latency(of metric: LatencyMetric) -> LatencyStatistics? { latency[metric.payloadName] }
    }
}
