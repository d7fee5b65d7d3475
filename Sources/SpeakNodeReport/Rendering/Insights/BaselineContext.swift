import Mustache

/// The template values of a ``BaselineComparison``: what changed since an earlier run's
/// summary, each list with its `has…` boolean and its names joined (`newFailuresText`, …,
/// `testRegressionsText`), and a `summary` line for headings.
enum BaselineContext {
    static func comparison(_ comparison: BaselineComparison) -> [String: MustacheValue] {
        let regressions = comparison.testLatencyRegressions.count + comparison.runLatencyRegressions.count
        var parts: [String] = []
        func add(_ count: Int, _ singular: String, _ plural: String) {
            if count > 0 { parts.append(ReportContext.counted(count, singular, plural)) }
        }
        add(comparison.newFailures.count, "new failure", "new failures")
        add(regressions, "latency regression", "latency regressions")
        add(comparison.fixedTests.count, "fixed test", "fixed tests")
        add(comparison.stillFailing.count, "test still failing", "tests still failing")
        add(comparison.newTests.count, "new test", "new tests")
        add(comparison.removedTests.count, "removed test", "removed tests")
        let listed: [(key: String, tests: [ComparedTest])] = [
            ("newFailures", comparison.newFailures), ("fixedTests", comparison.fixedTests),
            ("stillFailing", comparison.stillFailing), ("newTests", comparison.newTests),
            ("removedTests", comparison.removedTests),
        ]
        var texts: [String: MustacheValue] = [:]
        for (key, tests) in listed {
            texts[key + "Text"] = .string(tests.map { InsightFormat.clipped($0.name, to: InsightFormat.nameLength) }
                .joined(separator: ", "))
        }
        texts["testRegressionsText"] = .string(comparison.testLatencyRegressions.map(regressionText).joined(separator: "; "))
        texts["runRegressionsText"] = .string(comparison.runLatencyRegressions.map(regressionText).joined(separator: "; "))
        return texts.merging([
            "newFailures": tests(comparison.newFailures),
            "hasNewFailures": .bool(!comparison.newFailures.isEmpty),
            "fixedTests": tests(comparison.fixedTests),
            "hasFixedTests": .bool(!comparison.fixedTests.isEmpty),
            "stillFailing": tests(comparison.stillFailing),
            "hasStillFailing": .bool(!comparison.stillFailing.isEmpty),
            "newTests": tests(comparison.newTests),
            "hasNewTests": .bool(!comparison.newTests.isEmpty),
            "removedTests": tests(comparison.removedTests),
            "hasRemovedTests": .bool(!comparison.removedTests.isEmpty),
            "testRegressions": .list(comparison.testLatencyRegressions.map(regression)),
            "hasTestRegressions": .bool(!comparison.testLatencyRegressions.isEmpty),
            "runRegressions": .list(comparison.runLatencyRegressions.map(regression)),
            "hasRunRegressions": .bool(!comparison.runLatencyRegressions.isEmpty),
            "hasLatencyRegressions": .bool(regressions > 0),
            "hasRegressions": .bool(comparison.hasRegressions),
            "hasChanges": .bool(!parts.isEmpty),
            "threshold": .string(InsightFormat.percentage(comparison.latencyThreshold)),
            "summary": .string(parts.isEmpty ? "no changes" : parts.joined(separator: ", ")),
        ]) { _, new in new }
    }

    /// `Books a table 1.2 s → 1.5 s (+25%)`.
    static func regressionText(_ regression: LatencyRegression) -> String {
        let name = InsightFormat.clipped(
            regression.name.nonBlankText ?? ReportContext.shortened(regression.id), to: InsightFormat.nameLength)
        return "\(name) \(InsightFormat.format(regression.baseline)) → \(InsightFormat.format(regression.current)) "
            + "(\(InsightFormat.change(regression.increase)))"
    }

    static func tests(_ tests: [ComparedTest]) -> MustacheValue {
        .list(tests.map { test in
            [
                "id": .string(test.id),
                "name": .string(InsightFormat.clipped(test.name, to: InsightFormat.nameLength)),
                "outcome": MustacheValue(test.outcome?.rawValue),
                "outcomeLabel": MustacheValue(test.outcome.map(label)),
                "baselineOutcome": MustacheValue(test.baselineOutcome?.rawValue),
                "baselineOutcomeLabel": MustacheValue(test.baselineOutcome.map(label)),
            ]
        })
    }

    static func regression(_ regression: LatencyRegression) -> MustacheValue {
        [
            "id": .string(regression.id),
            "name": .string(InsightFormat.clipped(
                regression.name.nonBlankText ?? ReportContext.shortened(regression.id), to: InsightFormat.nameLength)),
            "metric": .string(regression.metric.payloadName),
            "baseline": .string(InsightFormat.format(regression.baseline)),
            "current": .string(InsightFormat.format(regression.current)),
            "increase": .string(InsightFormat.change(regression.increase)),
            "text": .string(
                "\(regression.metric.payloadName) p95 \(InsightFormat.format(regression.baseline)) → "
                    + "\(InsightFormat.format(regression.current)) (\(InsightFormat.change(regression.increase)))"),
        ]
    }

    static func label(_ outcome: Outcome) -> String {
        switch outcome {
        case .passed: "Passed"
        case .failed: "Failed"
        case .error: "Error"
        case .skipped: "Skipped"
        }
    }
}
