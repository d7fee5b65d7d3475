import SpeakNodeReport

/// Lines about insights for the summary on standard error.
enum InsightsSummaryLine {
    /// `since the baseline: 2 new failures, 1 latency regression, 1 fixed` (or `no changes`).
    static func baseline(_ comparison: BaselineComparison) -> String {
        var parts: [String] = []
        func add(_ count: Int, _ singular: String, _ plural: String) {
            if count > 0 { parts.append("\(count) \(count == 1 ? singular : plural)") }
        }
        add(comparison.newFailures.count, "new failure", "new failures")
        add(comparison.testLatencyRegressions.count + comparison.runLatencyRegressions.count,
            "latency regression", "latency regressions")
        add(comparison.fixedTests.count, "fixed", "fixed")
        add(comparison.stillFailing.count, "still failing", "still failing")
        add(comparison.newTests.count, "new test", "new tests")
        add(comparison.removedTests.count, "removed test", "removed tests")
        return "since the baseline: " + (parts.isEmpty ? "no changes" : parts.joined(separator: ", "))
    }
}
