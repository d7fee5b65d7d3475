import Mustache

/// The voice-insight values of the root, each run and each test: latency tables, slow turns,
/// conversation signals, failure patterns, repeats, charts and the baseline comparison.
///
/// ``ReportContext`` adds the root and run keys to the objects it builds; a test's are
/// ``TestObject``'s, worked out from the helpers here. Every number is pre-formatted
/// (`850 ms`, `1.23 s`, `87.5%`).
enum InsightsContext {
    /// Root keys: `latencyStats`, `signals`, `failurePatterns`, `budget`, `latencyGate`,
    /// `repeatedTests` (and `repeatedTestsPreview`, the first 20), `baseline` (or `null`) and
    /// their `has…` booleans.
    static func root(_ report: Report, baseline: BaselineComparison?) -> [String: MustacheValue] {
        let repeated = report.runs.flatMap(RepeatObject.items(of:))
        let budget = report.budget.budgetedMetrics.compactMap { metric in
            report.budget[metric].map { (metric, $0) }
        }
        return [
            "latencyStats": .computed(LatencyStatsObject(insights: report.insights, budget: report.budget)),
            "signals": .computed(SignalsObject(signals: report.insights.signals)),
            "failurePatterns": .object(FailurePatternsContext.patterns(report.failurePatterns)),
            "budget": .list(budget.map { metric, seconds in
                ["metric": .string(metric.payloadName), "key": .string(metric.budgetKey),
                 "title": .string(metric.title), "value": .string(InsightFormat.format(seconds))]
            }),
            "budgetText": .string(budget.map { metric, seconds in "\(metric.budgetKey) \(InsightFormat.format(seconds))" }
                .joined(separator: ", ")),
            "hasBudget": .bool(!budget.isEmpty),
            "latencyGate": MustacheValue(report.latencyGate.map(\.rawValue)),
            "hasLatencyGate": .bool(report.latencyGate != nil),
            "latencyFailureCount": .int(report.runs.flatMap(\.tests).count { test in test.latencyFailure != nil }),
            "repeatedTests": .list(repeated),
            "hasRepeatedTests": .bool(!repeated.isEmpty),
            "repeatedTestsPreview": .list(Array(repeated.prefix(repeatedPreviewLimit))),
            "moreRepeatedTests": .int(max(0, repeated.count - repeatedPreviewLimit)),
            "hasMoreRepeatedTests": .bool(repeated.count > repeatedPreviewLimit),
            "baseline": baseline.map { .object(BaselineContext.comparison($0)) } ?? .null,
            "hasBaseline": .bool(baseline != nil),
        ]
    }

    /// Run keys: `latencyStats`, `signals`, `failurePatterns`, `repeatedTests`, `slowestTests` (the
    /// first 25 tests by e2e p95, slowest first, for summaries that must stay short), and the
    /// charts `e2eHistogram` and `e2eP95Chart` (`null` when no turn measured `e2e_latency`).
    static func run(_ run: RunResult, budget: LatencyBudget) -> [String: MustacheValue] {
        let repeated = RepeatObject.items(of: run)
        let e2eBudget = budget[.e2eLatency]
        let histogram = LatencyHistogram(values: run.insights.samples.values(of: .e2eLatency), budget: e2eBudget)
        let p95Chart = LatencyBarChart(tests: run.tests, metric: .e2eLatency, budget: e2eBudget)
        let slowest = slowestFirst(run.tests)
        return [
            "latencyStats": .computed(LatencyStatsObject(insights: run.insights, budget: budget)),
            "signals": .computed(SignalsObject(signals: run.insights.signals)),
            "failurePatterns": .object(FailurePatternsContext.patterns(run.failurePatterns)),
            "repeatedTests": .list(repeated),
            "hasRepeatedTests": .bool(!repeated.isEmpty),
            "slowestTests": .list(slowest.prefix(testPreviewLimit).map { .object(testSummary($0, budget: budget)) }),
            "moreTests": .int(max(0, slowest.count - testPreviewLimit)),
            "hasMoreTests": .bool(slowest.count > testPreviewLimit),
            "e2eHistogram": histogram.map { .object($0.context) } ?? .null,
            "hasE2EHistogram": .bool(histogram != nil),
            "e2eP95Chart": p95Chart.map { .computed($0) } ?? .null,
            "hasE2EP95Chart": .bool(p95Chart != nil),
        ]
    }

    /// A test's `latencyFailure`: the failure made by `--fail-on-latency`, in words. (The other
    /// test keys of the insights, `latencyStats`, `signals`, `repeat`, `insightLines`…, are
    /// ``TestObject``'s.)
    static func latencyFailure(_ failure: LatencyFailure) -> MustacheValue {
        [
            "message": .string(failure.message),
            "reason": .string(failure.reason),
            "gate": .string(failure.gate.rawValue),
            "metric": .string(failure.metric.payloadName),
            "value": .string(InsightFormat.format(failure.value)),
            "budget": .string(InsightFormat.format(failure.budget)),
        ]
    }

    /// How many repeated tests a summary lists before "… and N more".
    static let repeatedPreviewLimit = 20

    /// How many tests of a run a summary lists by latency before "… and N more".
    static let testPreviewLimit = 25

    /// Tests by e2e p95, slowest first; tests that did not measure it last; then by name and id.
    ///
    /// Each test's p95 is looked up once, not at every comparison, and positions are sorted
    /// rather than the tests themselves, which are large to move.
    static func slowestFirst(_ tests: [TestResult]) -> [TestResult] {
        let p95s = tests.map { $0.insights.statistics(of: .e2eLatency)?.p95 }
        let order = tests.indices.sorted { lhs, rhs in
            if p95s[lhs] != p95s[rhs] {
                guard let left = p95s[lhs] else { return false }
                guard let right = p95s[rhs] else { return true }
                return left > right
            }
            return (tests[lhs].name, tests[lhs].id) < (tests[rhs].name, tests[rhs].id)
        }
        return order.map { tests[$0] }
    }

    /// A test's outcome, name and insights, for lists outside its run's test list.
    static func testSummary(_ test: TestResult, budget: LatencyBudget) -> [String: MustacheValue] {
        var summary = TestContext.outcome(test.outcome)
        summary.merge([
            "id": .string(test.id),
            "name": .string(InsightFormat.clipped(test.name, to: InsightFormat.nameLength)),
            "latencyStats": .computed(LatencyStatsObject(insights: test.insights, budget: budget)),
            "signals": .computed(SignalsObject(signals: test.insights.signals)),
            "repeat": RepeatObject.value(of: test),
            "hasLatencyFailure": .bool(test.latencyFailure != nil),
        ]) { _, new in new }
        return summary
    }

    /// The JUnit `type` of a failure made by `--fail-on-latency`.
    static let latencyFailureType = "LatencyBudget"

    /// Keys added to each transcript line: `isSlow` and `slowText` (what went over budget).
    /// `index` is the line's position in the conversation's history.
    static func transcriptLine(at index: Int, slowTurns: [SlowTurn]) -> [String: MustacheValue] {
        let turn = slowTurns.first { $0.historyIndex == index }
        return [
            "isSlow": .bool(turn != nil),
            "slowText": MustacheValue(turn.map { "slow: " + $0.overruns.map(LatencyContext.overrunText).joined(separator: ", ") }),
        ]
    }

    /// What a plain-text report such as JUnit's `<system-out>` shows of a test's insights, one
    /// line each: its latency lines (see ``writeLatencyLines(_:into:)``), then `signals: …` and,
    /// for a repeated test, `pass rate: 1 of 2 evaluated attempts passed (50%)`.
    ///
    /// The text stays the UTF-8 bytes it is written as, which the template escapes as they are.
    static func insightText(_ test: TestResult) -> MustacheText {
        // A slow turn's line takes about 200 bytes, what was said most of it.
        var lines = PlainTextLines(capacity: 256 + 224 * test.insights.slowTurnCount)
        writeLatencyLines(test.insights, into: &lines)
        let signals = test.insights.signals
        if signals != ConversationSignals() {
            let talkTime = signals.talkTime.map(DurationText.readable)
            lines.startLine()
            lines.append(upTo: 9 + SignalsContext.maximumSummaryLength(talkTime: talkTime)) { text in
                text.append("signals: ")
                SignalsContext.write(signals, talkTime: talkTime, into: &text)
            }
            if !signals.toolNames.isEmpty { lines.append("; tools: " + signals.toolNames.joined(separator: ", ")) }
        }
        if test.attempts.count > 1 {
            lines.appendLine("pass rate: \(RepeatObject.text(of: test))")
        }
        return lines.mustacheText
    }

    /// Whether ``insightText(_:)`` has any line, without writing them.
    static func hasInsightLines(_ test: TestResult) -> Bool {
        !test.insights.latency.isEmpty || test.insights.slowTurnCount > 0
            || test.insights.signals != ConversationSignals() || test.attempts.count > 1
    }

    /// `latency e2e_latency: 12 turns, p50 850 ms, p95 1.23 s, max 1.5 s`, one line per measured
    /// metric, then `slow turns: 2` and one line per slow turn (offset, speaker, text, what went
    /// over budget), for plain-text places such as JUnit's `<system-out>`.
    ///
    /// A test may have hundreds of slow turns: each line is written in a few pieces straight
    /// into `lines`, its numbers as bytes, with no string of its own (see ``writeSlowTurnLine(_:into:)``).
    static func writeLatencyLines(_ insights: Insights, into lines: inout PlainTextLines) {
        var hasMetricLines = false
        for metric in insights.measuredMetrics {
            guard let statistics = insights.statistics(of: metric) else { continue }
            hasMetricLines = true
            lines.startLine()
            // The name, a count of at most 20 digits and four values.
            lines.append(upTo: 64 + metric.payloadName.utf8.count + 4 * InsightFormat.maximumLength) { text in
                text.append("latency ")
                text.append(string: metric.payloadName)
                text.append(": ")
                text.append(statistics.count)
                text.append(statistics.count == 1 ? " turn, p50 " : " turns, p50 ")
                InsightFormat.write(statistics.p50, into: &text)
                text.append(", p90 ")
                InsightFormat.write(statistics.p90, into: &text)
                text.append(", p95 ")
                InsightFormat.write(statistics.p95, into: &text)
                text.append(", max ")
                InsightFormat.write(statistics.max, into: &text)
            }
        }
        if hasMetricLines || insights.slowTurnCount > 0 {
            lines.appendLine("slow turns: " + String(insights.slowTurnCount))
        }
        for turn in insights.slowTurns { writeSlowTurnLine(turn, into: &lines) }
    }

    /// `slow turn [00:12.3] Assistant: text — e2e_latency 1.92 s (budget 1.5 s), …`
    ///
    /// Three pieces besides the line break: what comes before the text and what comes after it
    /// are each written on the stack and appended at once, and the text is copied from where
    /// the transcript keeps it. (Appended part by part, with a string made of each number, a
    /// line took a dozen appends; a JUnit report of 12,000 conversations has 250,000 such lines.)
    private static func writeSlowTurnLine(_ turn: SlowTurn, into lines: inout PlainTextLines) {
        lines.startLine()
        let speaker = LatencyContext.speaker(turn)
        let offset = turn.offset
        // `slow turn ` and `: `, the offset, and the speaker or `Turn ` and a number of at most 20 digits.
        lines.append(upTo: 40 + DurationText.maximumBracketedOffsetLength + (speaker?.utf8.count ?? 0)) { text in
            text.append("slow turn ")
            if let offset { DurationText.writeBracketedOffset(offset, into: &text) }
            if let speaker {
                text.append(string: speaker)
            } else {
                text.append("Turn ")
                text.append(turn.historyIndex + 1)
            }
            text.append(": ")
        }
        // A text too short to be cut, or cut where its bytes tell, is copied from where the
        // transcript keeps it, without a string.
        let appended = turn.withTextUTF8 { text in
            guard let kept = LatencyContext.shortenedPrefix(ofUTF8: text) else { return false }
            lines.append(validUTF8: UnsafeBufferPointer(rebasing: text[..<kept.count]))
            if kept.isCut { lines.append(literal: "…") }
            return true
        }
        if appended != true { lines.append(LatencyContext.shortened(turn.text ?? "")) }
        // ` — `, then for each overrun `, ` and its text.
        let overrunsLength = 8 + turn.overrunCount * (2 + LatencyContext.maximumOverrunTextLength)
        lines.append(upTo: overrunsLength) { text in
            text.append(" — ")
            var first = true
            turn.forEachOverrun { overrun in
                if !first { text.append(", ") }
                first = false
                LatencyContext.writeOverrunText(overrun, into: &text)
            }
        }
    }
}

extension MustacheValue {
    /// An object with `extra`'s keys added (replacing keys of the same name); any other value unchanged.
    func adding(_ extra: [String: MustacheValue]) -> MustacheValue {
        guard case .object(let object) = self else { return self }
        return .object(object.merging(extra) { _, new in new })
    }
}
