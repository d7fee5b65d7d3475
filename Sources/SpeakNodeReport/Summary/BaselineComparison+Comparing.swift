extension BaselineComparison {
    /// Compares the current report with a baseline document.
    public init(
        baseline: SummaryDocument, report: Report,
        latencyThreshold: Double = BaselineComparison.defaultLatencyThreshold
    ) {
        self.init(baseline: baseline, current: SummaryDocument(report), latencyThreshold: latencyThreshold)
    }

    /// Compares two summary documents. A threshold that is negative or not finite counts as 0.
    public init(
        baseline: SummaryDocument, current: SummaryDocument,
        latencyThreshold: Double = BaselineComparison.defaultLatencyThreshold
    ) {
        let threshold = latencyThreshold.isFinite ? Swift.max(0, latencyThreshold) : 0
        let before = Self.testsByID(baseline)
        let now = Self.testsByID(current)

        var newFailures: [ComparedTest] = []
        var fixedTests: [ComparedTest] = []
        var stillFailing: [ComparedTest] = []
        var newTests: [ComparedTest] = []
        var testRegressions: [LatencyRegression] = []
        for (id, test) in now {
            let outcome = Outcome(rawValue: test.outcome)
            guard let previous = before[id] else {
                newTests.append(ComparedTest(id: id, name: test.name, outcome: outcome, baselineOutcome: nil))
                continue
            }
            let previousOutcome = Outcome(rawValue: previous.outcome)
            let compared = ComparedTest(id: id, name: test.name, outcome: outcome, baselineOutcome: previousOutcome)
            switch (previousOutcome?.isProblem, outcome?.isProblem) {
            case (true, true): stillFailing.append(compared)
            case (true, false) where outcome == .passed: fixedTests.append(compared)
            case (false, true) where previousOutcome == .passed: newFailures.append(compared)
            default: break
            }
            if let regression = Self.regression(
                id: id, name: test.name, baseline: previous.latency, current: test.latency, threshold: threshold
            ) {
                testRegressions.append(regression)
            }
        }
        let removedTests = before
            .filter { now[$0.key] == nil }
            .map { ComparedTest(id: $0.key, name: $0.value.name, outcome: nil, baselineOutcome: Outcome(rawValue: $0.value.outcome)) }

        let previousRuns = Self.runsByKey(baseline)
        let runRegressions = Self.runsByKey(current).compactMap { key, run in
            previousRuns[key].flatMap { previous in
                Self.regression(id: run.id, name: run.name, baseline: previous.latency, current: run.latency, threshold: threshold)
            }
        }

        self.init(
            newFailures: newFailures.sorted(),
            fixedTests: fixedTests.sorted(),
            stillFailing: stillFailing.sorted(),
            newTests: newTests.sorted(),
            removedTests: removedTests.sorted(),
            testLatencyRegressions: testRegressions.sorted(),
            runLatencyRegressions: runRegressions.sorted(),
            latencyThreshold: threshold
        )
    }

    /// Every test of a document by id; a later run's test replaces an earlier run's.
    static func testsByID(_ document: SummaryDocument) -> [String: SummaryDocument.Test] {
        var tests: [String: SummaryDocument.Test] = [:]
        for run in document.runs {
            for test in run.tests { tests[test.id] = test }
        }
        return tests
    }

    /// Every run of a document by campaign name (else id); a later run replaces an earlier one.
    static func runsByKey(_ document: SummaryDocument) -> [RunKey: SummaryDocument.Run] {
        var runs: [RunKey: SummaryDocument.Run] = [:]
        for run in document.runs { runs[RunKey(run)] = run }
        return runs
    }

    /// What matches runs across documents.
    enum RunKey: Hashable {
        case campaign(String)
        case id(String)

        init(_ run: SummaryDocument.Run) {
            if let name = run.name.nonBlankText { self = .campaign(name) } else { self = .id(run.id) }
        }
    }

    /// A regression when the current e2e p95 is more than `threshold` above a positive baseline p95.
    static func regression(
        id: String, name: String?, baseline: [String: LatencyStatistics], current: [String: LatencyStatistics],
        threshold: Double
    ) -> LatencyRegression? {
        let metric = LatencyMetric.e2eLatency
        guard let before = baseline[metric.payloadName]?.p95, before > 0,
              let now = current[metric.payloadName]?.p95,
              now > before * (1 + threshold)
        else { return nil }
        return LatencyRegression(id: id, name: name, metric: metric, baseline: before, current: now)
    }
}
