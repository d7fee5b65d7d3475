extension SummaryDocument {
    /// Decimal places kept for seconds and rates.
    static let decimals = 6

    /// The summary of an evaluated report.
    public init(_ report: Report) {
        self.init(summarizing: report, runs: report.runs.map(Run.init))
    }

    /// The summary of `report` as a whole, with `runs` for its runs.
    init(summarizing report: Report, runs: [Run]) {
        self.init(
            outcome: Self.outcome(of: report.totals)?.rawValue,
            counts: SummaryCounts(report.totals),
            duration: Self.rounded(report.totals.duration),
            passRate: report.totals.passRate.map(Self.rounded),
            slowTurns: report.insights.slowTurnCount,
            latency: SummaryLatency.measured(report.insights).byName,
            budget: Dictionary(uniqueKeysWithValues: report.budget.limits.map { ($0.key.payloadName, Self.rounded($0.value)) }),
            latencyGate: report.latencyGate?.rawValue,
            runs: runs
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

    static func rounded(_ value: Double) -> Double { value.rounded(toDecimals: decimals) }
}

extension SummaryDocument.Run {
    /// The summary of one evaluated run.
    public init(_ run: RunResult) {
        let figures = SummaryDocument.Figures(run)
        self.init(
            id: figures.id,
            name: figures.name,
            outcome: figures.outcome,
            counts: figures.counts,
            duration: figures.duration,
            passRate: figures.passRate,
            slowTurns: figures.slowTurns,
            latency: figures.latency.byName,
            tests: run.tests.map(SummaryDocument.Test.init)
        )
    }
}

extension SummaryDocument.Test {
    /// The summary of one evaluated test.
    public init(_ test: borrowing TestResult) {
        let figures = SummaryDocument.Figures(test)
        self.init(
            id: figures.id,
            name: test.name,
            outcome: test.outcome.rawValue,
            counts: figures.counts,
            duration: figures.duration,
            passRate: figures.passRate,
            slowTurns: figures.slowTurns,
            latency: figures.latency.byName
        )
    }
}
