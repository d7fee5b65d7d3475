#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Mustache

/// A `Report` turned into the values templates render, everything pre-formatted.
///
/// Templates do no logic: every count, duration, date, label and condition a template may
/// want is computed here, the same way for every output. The keys are documented in the
/// README ("Template context"). The root and each run are dictionaries; each test (and its
/// attempts, latency and signals) is an object (``TestObject``) that works a value out when a
/// template looks it up, so thousands of tests cost little until a template reads them.
public struct ReportContext: Sendable, Hashable {
    /// The root object handed to the main template.
    public let value: MustacheValue

    public init(report: Report, options: RenderOptions) {
        let anchors = HTMLAnchorBook(report: report)
        // The insights of each run and of the whole report go over every turn: computed
        // concurrently, one run (or the report) each. The report's, the largest, is the first,
        // so the runs' fill the other cores meanwhile rather than leave it to finish alone.
        let budget = report.budget
        let baseline = options.baseline
        let insights: [[String: MustacheValue]] = Array(0...report.runs.count).concurrentMap { index in
            index == 0
                ? InsightsContext.root(report, baseline: baseline) : InsightsContext.run(report.runs[index - 1], budget: budget)
        }
        // Each test is one small object over its result, shared by its run's list and the failure
        // and flaky lists: its values are worked out when a template looks them up. Each test is
        // copied once, into its object: `enumerated()` handed out a copy of each (retaining
        // everything it holds) and its tuple another.
        let tests: [[MustacheValue]] = report.runs.indices.map { runIndex in
            let run = report.runs[runIndex]
            let runName = Self.runName(run)
            return run.tests.indices.map { testIndex in
                .computed(TestObject(
                    test: run.tests[testIndex], budget: budget, anchor: anchors.tests[runIndex][testIndex],
                    runName: runName, attemptAnchors: anchors.attempts[runIndex][testIndex]))
            }
        }
        var failures: [MustacheValue] = []
        var flakyTests: [MustacheValue] = []
        // Only two fields of each test are read, in place: going through the tests with `zip`
        // copied each one, retaining every value it holds.
        for (run, values) in zip(report.runs, tests) {
            for index in run.tests.indices {
                if run.tests[index].outcome.isProblem { failures.append(values[index]) }
                if run.tests[index].isFlaky { flakyTests.append(values[index]) }
            }
        }
        let runs = report.runs.indices.map { runIndex in
            Self.run(report.runs[runIndex], tests: tests[runIndex]).adding(insights[runIndex + 1])
        }
        let problems = report.problems.sorted().map { problem -> MustacheValue in
            ["location": .string(problem.source.description), "reason": .string(problem.reason),
             "text": .string(problem.description)]
        }
        let reportURL = options.reportURL.flatMap { $0.isEmpty ? nil : $0 }
        let hasInputNotes = report.redeliveries > 0 || report.nonTestDeliveries > 0 || !report.problems.isEmpty
        value = .object([
            "title": .string(options.title),
            "toolVersion": MustacheValue(options.toolVersion),
            "reportURL": MustacheValue(WebLink.http(reportURL)),
            "reportURLText": MustacheValue(WebLink.http(reportURL) == nil ? reportURL : nil),
            "generatedAt": MustacheValue(report.generatedAt.map { UTCTimestamp($0).readable }),
            "timestamp": MustacheValue(report.generatedAt.map { UTCTimestamp($0).junit }),
            "policy": .string(report.policy.rawValue),
            "verdict": Self.verdict(report.totals),
            "totals": Self.counts(report.totals),
            "runs": .list(runs),
            "hasRuns": .bool(!runs.isEmpty),
            "runCount": .int(runs.count),
            "failures": .list(failures),
            "hasFailures": .bool(!failures.isEmpty),
            "failuresPreview": .list(Array(failures.prefix(Self.previewLimit))),
            "moreFailures": .int(max(0, failures.count - Self.previewLimit)),
            "hasMoreFailures": .bool(failures.count > Self.previewLimit),
            "flakyTests": .list(flakyTests),
            "hasFlaky": .bool(!flakyTests.isEmpty),
            "redeliveries": .int(report.redeliveries),
            "nonTestDeliveries": .int(report.nonTestDeliveries),
            "problemCount": .int(problems.count),
            "problems": .list(problems),
            "hasProblems": .bool(!problems.isEmpty),
            "hasRedeliveries": .bool(report.redeliveries > 0),
            "hasNonTestDeliveries": .bool(report.nonTestDeliveries > 0),
            "hasInputNotes": .bool(hasInputNotes),
            "redeliveriesText": .string(
                Self.counted(report.redeliveries, "redelivered webhook delivery was", "redelivered webhook deliveries were")
                    + " counted once"),
            "nonTestDeliveriesText": .string(
                Self.counted(
                    report.nonTestDeliveries, "delivery was not a test conversation and was left out",
                    "deliveries were not test conversations and were left out")),
            "problemsText": .string(Self.counted(problems.count, "input problem", "input problems")),
            // JUnit shows each input problem as an errored test case, so CI counts it.
            "totalsWithProblems": [
                "tests": .int(report.totals.tests + problems.count), "errors": .int(report.totals.errors + problems.count),
            ],
        ]).adding(insights[0])
    }

    /// How many failures a summary lists before "… and N more": a GitHub comment holds at most
    /// 65,536 characters.
    public static let previewLimit = 30

    static func verdict(_ totals: Counts) -> MustacheValue {
        let failed = totals.failed + totals.errors > 0
        let empty = totals.tests == 0
        let (text, symbol, style) =
            failed ? ("Failed", "❌", "failed") : empty ? ("No tests", "⚪", "empty") : ("Passed", "✅", "passed")
        return [
            "text": .string(text), "symbol": .string(symbol), "style": .string(style),
            "isPassed": .bool(!failed && !empty), "isFailed": .bool(failed), "isEmpty": .bool(empty),
        ]
    }

    static func counts(_ counts: Counts) -> MustacheValue {
        let executed = counts.tests - counts.skipped
        let passRate = DurationText.percentage(counts.passed, of: executed)
        var summary = "\(counts.passed) passed, \(counts.failed) failed, \(counts.errors) "
            + (counts.errors == 1 ? "error" : "errors") + ", \(counts.skipped) skipped"
        if counts.flaky > 0 { summary += ", \(counts.flaky) flaky" }
        return [
            "tests": .int(counts.tests), "passed": .int(counts.passed), "failed": .int(counts.failed),
            "errors": .int(counts.errors), "skipped": .int(counts.skipped), "flaky": .int(counts.flaky),
            "attempts": .int(counts.attempts),
            "problems": .int(counts.failed + counts.errors),
            "duration": .string(DurationText.readable(counts.duration)),
            "seconds": .string(DurationText.seconds(counts.duration)),
            "passRate": .string(passRate ?? "n/a"),
            "hasPassRate": .bool(passRate != nil),
            "summary": .string(summary),
            "hasFailed": .bool(counts.failed > 0), "hasErrors": .bool(counts.errors > 0),
            "hasSkipped": .bool(counts.skipped > 0), "hasFlaky": .bool(counts.flaky > 0),
        ]
    }

    /// `1 thing` or `3 things`.
    static func counted(_ count: Int, _ singular: String, _ plural: String) -> String {
        "\(count) \(count == 1 ? singular : plural)"
    }

    static func runName(_ run: RunResult) -> String {
        let shortID = shortened(run.id)
        guard let campaign = run.campaignName, !campaign.isEmpty else { return shortID }
        return "\(campaign) (\(shortID))"
    }

    static func shortened(_ id: String) -> String { String(id.prefix(8)) }

    static func run(_ run: RunResult, tests: [MustacheValue]) -> MustacheValue {
        var properties: [MustacheValue] = [["name": "run_id", "value": .string(run.id)]]
        if let campaign = run.campaignName { properties.append(["name": "campaign", "value": .string(campaign)]) }
        if let campaignID = run.campaignID { properties.append(["name": "campaign_id", "value": .string(campaignID)]) }
        for agent in run.agentNames { properties.append(["name": "agent", "value": .string(agent)]) }
        return [
            "id": .string(run.id),
            "anchor": .string(HTMLAnchor.run(run.id)),
            "shortID": .string(shortened(run.id)),
            "name": .string(runName(run)),
            "campaignName": MustacheValue(run.campaignName),
            "campaignID": MustacheValue(run.campaignID),
            "agentNames": .list(run.agentNames.map(MustacheValue.string)),
            "agents": .string(run.agentNames.joined(separator: ", ")),
            "hasAgents": .bool(!run.agentNames.isEmpty),
            "startedAt": MustacheValue(run.startedAt.map { UTCTimestamp($0).readable }),
            "timestamp": MustacheValue(run.startedAt.map { UTCTimestamp($0).junit }),
            "counts": counts(run.counts),
            "verdict": verdict(run.counts),
            "tests": .list(tests),
            "hasTests": .bool(!run.tests.isEmpty),
            "properties": .list(properties),
        ]
    }
}
