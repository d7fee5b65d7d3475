extension SummaryDocument {
    /// Decimal places kept for seconds and rates.
    static let decimals = 6

    /// The summary of an evaluated report.
    public init(_ report: Report) {
        self.init(
            outcome: Self.outcome(of: report.totals)?.rawValue,
            counts: SummaryCounts(report.totals),
            duration: Self.rounded(report.totals.duration),
            passRate: report.totals.passRate.map(Self.rounded),
            slowTurns: report.insights.slowTurnCount,
            latency: Self.latency(report.insights),
            budget: Dictionary(uniqueKeysWithValues: report.budget.limits.map { ($0.key.payloadName, Self.rounded($0.value)) }),
            latencyGate: report.latencyGate?.rawValue,
            runs: report.runs.map(Run.init)
        )
    }

    /// The most severe outcome among the counted tests, or `nil` when there are none.
    static func outcome(of counts: Counts) -> Outcome? {
        if counts.errors > 0 { return .error }
        if counts.failed > 0 { return .failed }
        if counts.passed > 0 { return .passed }
        if counts.skipped > 0 { return .skipped }
        return nil
    }

    static func latency(_ insights: Insights) -> [String: LatencyStatistics] {
        Dictionary(uniqueKeysWithValues: insights.latency.map {
            ($0.key.payloadName, $0.value.rounded(toDecimals: decimals))
        })
    }

    static func rounded(_ value: Double) -> Double { value.rounded(toDecimals: decimals) }
}

extension SummaryDocument.Run {
    /// The summary of one evaluated run.
    public init(_ run: RunResult) {
        self.init(
            id: run.id,
            name: run.campaignName,
            outcome: SummaryDocument.outcome(of: run.counts)?.rawValue,
            counts: SummaryCounts(run.counts),
            duration: SummaryDocument.rounded(run.counts.duration),
            passRate: run.counts.passRate.map(SummaryDocument.rounded),
            slowTurns: run.insights.slowTurnCount,
            latency: SummaryDocument.latency(run.insights),
            tests: run.tests.map(SummaryDocument.Test.init)
        )
    }
}

extension SummaryDocument.Test {
    /// The summary of one evaluated test.
    public init(_ test: TestResult) {
        self.init(
            id: test.id,
            name: test.name,
            outcome: test.outcome.rawValue,
            counts: SummaryCounts(Counts(test)),
            duration: SummaryDocument.rounded(test.duration),
            passRate: test.attemptPassRate.map(SummaryDocument.rounded),
            slowTurns: test.insights.slowTurnCount,
            latency: SummaryDocument.latency(test.insights)
        )
    }
}
