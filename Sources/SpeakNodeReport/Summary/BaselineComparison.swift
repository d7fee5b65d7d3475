/// What changed since a baseline: a previous ``SummaryDocument``, typically kept from the
/// last CI run on the main branch.
///
/// - **Tests** are matched by `test_id` across the whole input, because run ids change from
///   one CI run to the next. When a test id appears in several runs of one document, its
///   last appearance in run order (by start) stands for it.
/// - **Runs** are matched by campaign name when the current run has one, else by run id;
///   again the last run with that key stands for it.
/// - **Latency regressions**: a matched test or run whose `e2e_latency` p95 is more than
///   `latencyThreshold` (a share: 0.2 is 20 %) above the baseline's. Both sides must have
///   measured it.
public struct BaselineComparison: Sendable, Hashable {
    /// Failed or errored now, passed in the baseline.
    public var newFailures: [ComparedTest]
    /// Passed now, failed or errored in the baseline.
    public var fixedTests: [ComparedTest]
    /// Failed or errored both now and in the baseline.
    public var stillFailing: [ComparedTest]
    /// In the input now, not in the baseline.
    public var newTests: [ComparedTest]
    /// In the baseline, no longer in the input.
    public var removedTests: [ComparedTest]
    /// Tests whose e2e p95 went up by more than the threshold.
    public var testLatencyRegressions: [LatencyRegression]
    /// Runs whose e2e p95 went up by more than the threshold.
    public var runLatencyRegressions: [LatencyRegression]
    /// The share by which p95 may grow before it counts as a regression.
    public var latencyThreshold: Double

    /// 20 %: enough to ignore the jitter of a few dozen turns, small enough to catch a slower model or voice.
    public static let defaultLatencyThreshold = 0.2

    public init(
        newFailures: [ComparedTest], fixedTests: [ComparedTest], stillFailing: [ComparedTest],
        newTests: [ComparedTest], removedTests: [ComparedTest], testLatencyRegressions: [LatencyRegression],
        runLatencyRegressions: [LatencyRegression], latencyThreshold: Double
    ) {
        self.newFailures = newFailures
        self.fixedTests = fixedTests
        self.stillFailing = stillFailing
        self.newTests = newTests
        self.removedTests = removedTests
        self.testLatencyRegressions = testLatencyRegressions
        self.runLatencyRegressions = runLatencyRegressions
        self.latencyThreshold = latencyThreshold
    }

    /// Whether anything got worse: a new failure or a latency regression.
    public var hasRegressions: Bool {
        !newFailures.isEmpty || !testLatencyRegressions.isEmpty || !runLatencyRegressions.isEmpty
    }
}
