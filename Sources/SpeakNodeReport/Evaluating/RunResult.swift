#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One test run (`test_run_id`) with its tests and totals.
public struct RunResult: Sendable, Hashable {
    public var id: String
    /// The campaign name when the deliveries carried one.
    public var campaignName: String?
    public var campaignID: String?
    /// Agent names seen in the run, sorted.
    public var agentNames: [String]
    /// Tests sorted by name, then id.
    public var tests: [TestResult]
    public var counts: Counts
    /// The earliest `start_time` (else `created_at`) of any attempt.
    public var startedAt: Date?
    /// Latency, slow turns and signals of all tests together.
    public var insights: Insights

    /// `insights` defaults to the tests' insights combined.
    public init(
        id: String, campaignName: String?, campaignID: String?, agentNames: [String],
        tests: [TestResult], counts: Counts, startedAt: Date?, insights: Insights? = nil
    ) {
        self.id = id
        self.campaignName = campaignName
        self.campaignID = campaignID
        self.agentNames = agentNames
        self.tests = tests
        self.counts = counts
        self.startedAt = startedAt
        self.insights = insights ?? Insights(combining: tests.map(\.insights))
    }
}
