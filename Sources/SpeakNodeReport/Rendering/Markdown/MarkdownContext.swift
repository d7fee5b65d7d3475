import Mustache

/// The Markdown summary's own template values, `markdown` in its root context: the runs and
/// tests it lists, cut to a `MarkdownDetail`, and the note saying what that left out.
///
/// Everything that does not depend on the detail (names shortened, reasons, transcript tails)
/// is prepared once; `value(for:)` only picks from it, so the summary can be rendered at many
/// details cheaply. Payload text is shortened here, before escaping, so that one very long
/// name or reason cannot crowd out the rest of the summary.
struct MarkdownContext {
    /// How many transcript lines a failed test shows: the end of the conversation, where it went wrong.
    static let transcriptTurns = 10

    /// The most rows any table or list holds: a row limit this large shows everything.
    let rowCount: Int

    private let limit: Int
    private let runs: [MustacheValue]
    private let failures: [FailureRow]
    private let flakyTests: [MustacheValue]
    private let passedTests: [MustacheValue]
    private let skippedTests: [MustacheValue]
    private let problems: [MustacheValue]

    /// - Parameters:
    ///   - runContexts: The report context's `runs`, one per run; the summary's run rows are
    ///     these with the name shortened, so partials see every key a run has (such as the
    ///     insights' latency values).
    init(report: Report, limit: Int, runContexts: [MustacheValue] = []) {
        self.limit = limit
        var failures: [FailureRow] = []
        var flakyTests: [MustacheValue] = []
        var passedTests: [MustacheValue] = []
        var skippedTests: [MustacheValue] = []
        var runs: [MustacheValue] = []
        for (index, run) in report.runs.enumerated() {
            let runName = MarkdownText.clipped(ReportContext.runName(run), to: MarkdownText.nameLength)
            var row: [String: MustacheValue] = [:]
            if runContexts.indices.contains(index), case .object(let values) = runContexts[index] { row = values }
            row["name"] = .string(runName)
            row["verdict"] = ReportContext.verdict(run.counts)
            row["counts"] = ReportContext.counts(run.counts)
            runs.append(.object(row))
            for test in run.tests {
                let common = Self.common(test, runName: runName)
                switch test.outcome {
                case .failed, .error: failures.append(FailureRow(test, common: common))
                case .passed: passedTests.append(.object(common))
                case .skipped: skippedTests.append(.object(common))
                }
                if test.isFlaky { flakyTests.append(.object(common)) }
            }
        }
        self.runs = runs
        self.failures = failures
        self.flakyTests = flakyTests
        self.passedTests = passedTests
        self.skippedTests = skippedTests
        problems = report.problems.sorted().map { problem in
            ["text": .string(MarkdownText.clipped(problem.description, to: MarkdownText.reasonLength))]
        }
        rowCount = [runs.count, failures.count, flakyTests.count, passedTests.count, skippedTests.count, problems.count]
            .max() ?? 0
    }

    /// The `markdown` object for one detail.
    func value(for detail: MarkdownDetail) -> MustacheValue {
        let level = detail.level
        let rows = level.showsTables ? detail.rowLimit ?? Int.max : 0
        var context: [String: MustacheValue] = [
            "level": .string(level.rawValue),
            "showsTables": .bool(level.showsTables),
            "showsTranscripts": .bool(level.showsTranscripts),
            "showsAllReasons": .bool(level.showsAllReasons),
            "rowLimit": detail.rowLimit.map(MustacheValue.int) ?? .null,
            "limit": .int(limit),
            "limitText": .string(MarkdownText.grouped(limit)),
        ]
        // What was left out, least important first; rows cut from lists come last.
        var omitted: [String] = []
        var omittedRows: [String] = []
        if !level.showsTables { omitted.append("everything but the verdict") }

        for (key, tests, noun) in [
            ("skippedTests", skippedTests, ("skipped test", "skipped tests")),
            ("passedTests", passedTests, ("passed test", "passed tests")),
        ] {
            let shown = level.showsPassedAndSkipped
            Self.list(key, tests, rows: rows, noun: noun, shown: shown, into: &context, omitted: &omittedRows)
            if level.showsTables, !shown, !tests.isEmpty {
                omitted.append("the list of " + MarkdownText.counted(tests.count, noun.0, noun.1))
            }
        }

        var hiddenReasons = 0
        var hiddenTranscripts = 0
        let failureValues = failures.prefix(rows).map { row in
            let value = row.value(level: level)
            hiddenReasons += value.hiddenReasons
            if value.hidesTranscript { hiddenTranscripts += 1 }
            return value.value
        }
        if hiddenTranscripts > 0 {
            omitted.append("the transcripts of " + MarkdownText.counted(hiddenTranscripts, "failed test", "failed tests"))
        }
        if hiddenReasons > 0 {
            omitted.append(MarkdownText.counted(hiddenReasons, "further reason", "further reasons"))
        }

        Self.list(
            "runs", runs, rows: rows, noun: ("run", "runs"), shown: level.showsTables, into: &context,
            omitted: &omittedRows)
        Self.list(
            "failures", failureValues, total: failures.count, noun: ("failed or errored test", "failed or errored tests"),
            shown: level.showsTables, into: &context, omitted: &omittedRows)
        Self.list(
            "flakyTests", flakyTests, rows: rows, noun: ("flaky test", "flaky tests"), shown: level.showsTables,
            into: &context, omitted: &omittedRows)
        Self.list(
            "problems", problems, rows: rows, noun: ("input problem", "input problems"), shown: level.showsTables,
            into: &context, omitted: &omittedRows)
        omitted += omittedRows

        context["omitted"] = .string(Self.sentenceList(omitted))
        context["hasOmissions"] = .bool(!omitted.isEmpty)
        return .object(context)
    }

    /// Puts a list cut to `rows` into the context, with `hasKey` (the report has some),
    /// `showsKey` (some rows are shown), `keyCount`, `keyText`
    /// ("3 skipped tests"), `moreKey`, `hasMoreKey` and `moreKeyText` ("2 more skipped tests"),
    /// and notes the rows left out.
    private static func list(
        _ key: String, _ items: [MustacheValue], rows: Int, noun: (String, String), shown: Bool,
        into context: inout [String: MustacheValue], omitted: inout [String]
    ) {
        list(key, Array(items.prefix(rows)), total: items.count, noun: noun, shown: shown, into: &context, omitted: &omitted)
    }

    private static func list(
        _ key: String, _ shownItems: [MustacheValue], total: Int, noun: (String, String), shown: Bool,
        into context: inout [String: MustacheValue], omitted: inout [String]
    ) {
        let items = shown ? shownItems : []
        let capitalized = key.prefix(1).uppercased() + key.dropFirst()
        let more = total - items.count
        context[key] = .list(items)
        context["has" + capitalized] = .bool(shown && total > 0)
        context["shows" + capitalized] = .bool(!items.isEmpty)
        context[key + "Count"] = .int(total)
        context[key + "Text"] = .string(MarkdownText.counted(total, noun.0, noun.1))
        context["more" + capitalized] = .int(more)
        context["hasMore" + capitalized] = .bool(shown && more > 0)
        context["more" + capitalized + "Text"] = .string(MarkdownText.grouped(more) + " more " + (more == 1 ? noun.0 : noun.1))
        if shown, more > 0 {
            omitted.append("\(MarkdownText.grouped(more)) of \(MarkdownText.counted(total, noun.0, noun.1))")
        }
    }

    /// `a`, `a and b`, `a, b and c`.
    private static func sentenceList(_ parts: [String]) -> String {
        guard let last = parts.last else { return "" }
        let rest = parts.dropLast()
        return rest.isEmpty ? last : rest.joined(separator: ", ") + " and " + last
    }

    /// The values every test row has: name, run, agent, outcome and attempts.
    private static func common(_ test: TestResult, runName: String) -> [String: MustacheValue] {
        var values = TestContext.outcome(test.outcome)
        let deciding = test.attempts.indices.contains(test.decidingAttemptIndex) ? test.decidingAttempt : nil
        let agent = MarkdownText.clipped(test.agentName, to: MarkdownText.nameLength)
        values.merge([
            "name": .string(MarkdownText.clipped(test.name, to: MarkdownText.nameLength)),
            "runName": .string(runName),
            "agent": .string(agent),
            "hasAgent": .bool(!agent.isEmpty),
            "isFlaky": .bool(test.isFlaky),
            "duration": .string(DurationText.readable(test.duration)),
            "attemptsText": .string(ReportContext.counted(test.attempts.count, "attempt", "attempts")),
            "hasSeveralAttempts": .bool(test.attempts.count > 1),
            "attemptOutcomes": .string(attemptOutcomes(test)),
            "status": MustacheValue(deciding?.conversation.testStatus.map { MarkdownText.clipped($0, to: MarkdownText.nameLength) }),
            "completionReason": MustacheValue(
                deciding?.conversation.evalResult?.completionReason.map { MarkdownText.clipped($0, to: MarkdownText.nameLength) }),
            "recordingURL": MustacheValue(WebLink.http(deciding?.conversation.audioURL)),
        ]) { _, new in new }
        return values
    }

    /// The most attempt outcomes a row lists; a test retried more often shows the first ones.
    static let outcomesShown = 10

    /// `❌ Failed → ✅ Passed`; `… → 12 more` past `outcomesShown`.
    private static func attemptOutcomes(_ test: TestResult) -> String {
        var parts = test.attempts.prefix(outcomesShown).map { outcomeText($0.outcome) }
        if test.attempts.count > outcomesShown { parts.append("\(MarkdownText.grouped(test.attempts.count - outcomesShown)) more") }
        return parts.joined(separator: " → ")
    }

    /// `❌ Failed`, from the same labels every report uses.
    private static func outcomeText(_ outcome: Outcome) -> String {
        let values = TestContext.outcome(outcome)
        guard case .string(let symbol)? = values["symbol"], case .string(let label)? = values["outcomeLabel"] else {
            return outcome.rawValue
        }
        return "\(symbol) \(label)"
    }
}

/// A failed or errored test as the summary lists it, prepared once for every detail level.
private struct FailureRow {
    var common: [String: MustacheValue]
    /// The deciding attempt's reasons, shortened; its message when it has none.
    var reasons: [String]
    /// The last lines of the deciding attempt's transcript.
    var transcript: [MustacheValue]
    /// Every line of that transcript.
    var turnCount: Int

    init(_ test: TestResult, common: [String: MustacheValue]) {
        self.common = common
        let deciding = test.attempts.indices.contains(test.decidingAttemptIndex) ? test.decidingAttempt : nil
        let reasons = deciding.map { $0.reasons.isEmpty ? [$0.message] : $0.reasons } ?? []
        self.reasons = reasons.map { MarkdownText.clipped($0, to: MarkdownText.reasonLength) }.filter { !$0.isEmpty }
        let lines = deciding.map { TranscriptLine.lines(of: $0.conversation) } ?? []
        turnCount = lines.count
        transcript = lines.suffix(MarkdownContext.transcriptTurns).map { line in
            [
                "offset": MustacheValue(line.offset),
                "text": .string(MarkdownText.clipped(line.text, to: MarkdownText.lineLength)),
                "kind": .string(line.kind),
                "isError": .bool(line.isError),
            ]
        }
    }

    func value(level: MarkdownDetailLevel) -> (value: MustacheValue, hiddenReasons: Int, hidesTranscript: Bool) {
        let shownReasons = level.showsAllReasons ? reasons : Array(reasons.prefix(1))
        let hiddenReasons = reasons.count - shownReasons.count
        let showsTranscript = level.showsTranscripts && !transcript.isEmpty
        var values = common
        values.merge([
            "reasons": .list(shownReasons.map(MustacheValue.string)),
            "hasReasons": .bool(!shownReasons.isEmpty),
            "moreReasons": .int(hiddenReasons),
            "hasMoreReasons": .bool(hiddenReasons > 0),
            "moreReasonsText": .string(MarkdownText.counted(hiddenReasons, "more reason", "more reasons")),
            "transcript": .list(showsTranscript ? transcript : []),
            "hasTranscript": .bool(showsTranscript),
            "transcriptTurns": .int(transcript.count),
            "turnCount": .int(turnCount),
            "hasEarlierTurns": .bool(turnCount > transcript.count),
        ]) { _, new in new }
        return (.object(values), hiddenReasons, !showsTranscript && !transcript.isEmpty)
    }
}
