import Mustache

/// The Markdown summary's own template values, `markdown` in its root context: the runs and
/// tests it lists, cut to a `MarkdownDetail`, and the note saying what that left out.
///
/// Everything that does not depend on the detail (names shortened, reasons, transcript tails)
/// is prepared once, a list's rows when a detail first shows them (see `MarkdownRows`);
/// `value(for:)` then only picks from it, so the summary can be rendered at many details
/// cheaply. Payload text is shortened here, before escaping, so that one very long name or
/// reason cannot crowd out the rest of the summary.
struct MarkdownContext {
    /// How many transcript lines a failed test shows: the end of the conversation, where it went wrong.
    static let transcriptTurns = 10

    /// The most rows any table or list holds: a row limit this large shows everything.
    let rowCount: Int

    private let limit: Int
    private let runs: [MustacheValue]
    private var failures: MarkdownRows<TestInRun, FailureRow>
    private var flakyTests: MarkdownRows<TestInRun, MustacheValue>
    private var passedTests: MarkdownRows<TestInRun, MustacheValue>
    private var skippedTests: MarkdownRows<TestInRun, MustacheValue>
    private let problems: [MustacheValue]

    /// Where a test is in the report: its run's index in `report.runs` and its own in the run's
    /// tests. The lists hold these rather than the tests, as a copy of a test retains
    /// everything it holds; a row reads its test where it is stored.
    private typealias TestInRun = (run: Int, test: Int)

    /// - Parameters:
    ///   - runContexts: The report context's `runs`, one per run; the summary's run rows are
    ///     these with the name shortened, so partials see every key a run has (such as the
    ///     insights' latency values).
    init(report: Report, limit: Int, runContexts: [MustacheValue] = []) {
        self.limit = limit
        var failures: [TestInRun] = []
        var flakyTests: [TestInRun] = []
        var passedTests: [TestInRun] = []
        var skippedTests: [TestInRun] = []
        var runs: [MustacheValue] = []
        var runNames: [String] = []
        for index in report.runs.indices {
            let run = report.runs[index]
            let runName = MarkdownText.clipped(ReportContext.runName(run), to: MarkdownText.nameLength)
            runNames.append(runName)
            var row: [String: MustacheValue] = [:]
            if runContexts.indices.contains(index), case .object(let values) = runContexts[index] { row = values }
            row["name"] = .string(runName)
            row["verdict"] = ReportContext.verdict(run.counts)
            row["counts"] = ReportContext.counts(run.counts)
            runs.append(.object(row))
            for testIndex in run.tests.indices {
                let place = (run: index, test: testIndex)
                switch run.tests[testIndex].outcome {
                case .failed, .error: failures.append(place)
                case .passed: passedTests.append(place)
                case .skipped: skippedTests.append(place)
                }
                if run.tests[testIndex].isFlaky { flakyTests.append(place) }
            }
        }
        let reportRuns = report.runs
        let testRow = { (place: TestInRun) in
            MustacheValue.computed(MarkdownTestRow(test: reportRuns[place.run].tests[place.test], runName: runNames[place.run]))
        }
        self.runs = runs
        self.failures = MarkdownRows(failures) { place in
            FailureRow(reportRuns[place.run].tests[place.test], runName: runNames[place.run])
        }
        self.flakyTests = MarkdownRows(flakyTests, make: testRow)
        self.passedTests = MarkdownRows(passedTests, make: testRow)
        self.skippedTests = MarkdownRows(skippedTests, make: testRow)
        problems = report.problems.sorted().map { problem in
            ["text": .string(MarkdownText.clipped(problem.description, to: MarkdownText.reasonLength))]
        }
        rowCount = [runs.count, failures.count, flakyTests.count, passedTests.count, skippedTests.count, problems.count]
            .max() ?? 0
    }

    /// The `markdown` object for one detail; makes the rows it shows that no earlier detail showed.
    mutating func value(for detail: MarkdownDetail) -> MustacheValue {
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

        let showsPassedAndSkipped = level.showsPassedAndSkipped
        for (key, count, shownTests, noun) in [
            ("skippedTests", skippedTests.count, showsPassedAndSkipped ? Array(skippedTests.prefix(rows)) : [],
             ("skipped test", "skipped tests")),
            ("passedTests", passedTests.count, showsPassedAndSkipped ? Array(passedTests.prefix(rows)) : [],
             ("passed test", "passed tests")),
        ] {
            Self.list(
                key, shownTests, total: count, noun: noun, shown: showsPassedAndSkipped, into: &context,
                omitted: &omittedRows)
            if level.showsTables, !showsPassedAndSkipped, count > 0 {
                omitted.append("the list of " + MarkdownText.counted(count, noun.0, noun.1))
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
            "flakyTests", Array(flakyTests.prefix(rows)), total: flakyTests.count, noun: ("flaky test", "flaky tests"),
            shown: level.showsTables, into: &context, omitted: &omittedRows)
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

    /// The most attempt outcomes a row lists; a test retried more often shows the first ones.
    static let outcomesShown = 10

    /// `❌ Failed → ✅ Passed`; `… → 12 more` past `outcomesShown`.
    fileprivate static func attemptOutcomes(_ test: TestResult) -> String {
        // Outcomes read in place: mapping the attempts copied each, retaining its whole conversation.
        var parts = test.attempts.indices.prefix(outcomesShown).map { outcomeText(test.attempts[$0].outcome) }
        if test.attempts.count > outcomesShown { parts.append("\(MarkdownText.grouped(test.attempts.count - outcomesShown)) more") }
        return parts.joined(separator: " → ")
    }

    /// `❌ Failed`, from the same labels every report uses.
    private static func outcomeText(_ outcome: Outcome) -> String {
        guard case .string(let symbol) = OutcomeKey.symbol.value(of: outcome),
              case .string(let label) = OutcomeKey.outcomeLabel.value(of: outcome)
        else { return outcome.rawValue }
        return "\(symbol) \(label)"
    }
}

/// The values every test row of the summary has (README, "Markdown summary only"): the
/// outcome keys, name, run, agent, attempts, status and recording.
///
/// Worked out once, when the row is made: the summary is rendered many times while it is
/// fitted to its limit, and each time shows the same first rows again.
struct MarkdownTestRow: MustacheObject {
    let outcome: Outcome
    /// The test's name, cut to ``MarkdownText/nameLength`` like every name below.
    let name: String
    let runName: String
    let agent: String
    let isFlaky: Bool
    let duration: String
    let attemptCount: Int
    let attemptsText: String
    let attemptOutcomes: String
    /// The deciding attempt's status, completion reason and recording link; null without one.
    let status: MustacheValue
    let completionReason: MustacheValue
    let recordingURL: MustacheValue

    /// - Parameter runName: The run's name, already cut to ``MarkdownText/nameLength``.
    init(test: borrowing TestResult, runName: String) {
        let nameLength = MarkdownText.nameLength
        // The deciding attempt's conversation is read where it is stored: a copy of it would retain all its texts.
        let decidingIndex = test.attempts.indices.contains(test.decidingAttemptIndex) ? test.decidingAttemptIndex : nil
        outcome = test.outcome
        name = MarkdownText.clipped(test.name, to: nameLength)
        self.runName = runName
        agent = MarkdownText.clipped(test.agentName, to: nameLength)
        isFlaky = test.isFlaky
        duration = DurationText.readable(test.duration)
        attemptCount = test.attempts.count
        attemptsText = ReportContext.counted(test.attempts.count, "attempt", "attempts")
        attemptOutcomes = MarkdownContext.attemptOutcomes(test)
        status = MustacheValue(
            decidingIndex.flatMap { test.attempts[$0].conversation.testStatus }.map { MarkdownText.clipped($0, to: nameLength) })
        completionReason = MustacheValue(
            decidingIndex.flatMap { test.attempts[$0].conversation.evalResult?.completionReason }
                .map { MarkdownText.clipped($0, to: nameLength) })
        recordingURL = MustacheValue(WebLink.http(decidingIndex.flatMap { test.attempts[$0].conversation.audioURL }))
    }

    enum Key: Hashable {
        case outcome(OutcomeKey)
        case name, runName, agent, hasAgent, isFlaky, duration, attemptsText, hasSeveralAttempts, attemptOutcomes
        case status, completionReason, recordingURL
    }

    static let keys = NameTable<Key>(OutcomeKey.named(Key.outcome) + [
        ("name", .name), ("runName", .runName), ("agent", .agent), ("hasAgent", .hasAgent), ("isFlaky", .isFlaky),
        ("duration", .duration), ("attemptsText", .attemptsText), ("hasSeveralAttempts", .hasSeveralAttempts),
        ("attemptOutcomes", .attemptOutcomes), ("status", .status), ("completionReason", .completionReason),
        ("recordingURL", .recordingURL),
    ] as [(String, Key)])

    func member(_ name: String) -> MustacheValue? {
        // Not `Self.keys[name].map(value)`: the closure it makes copies the object (retaining
        // each of its fields) for every look-up.
        guard let key = Self.keys[name] else { return nil }
        return value(key)
    }

    func value(_ key: Key) -> MustacheValue {
        switch key {
        case .outcome(let key): key.value(of: outcome)
        case .name: .string(name)
        case .runName: .string(runName)
        case .agent: .string(agent)
        case .hasAgent: .bool(!agent.isEmpty)
        case .isFlaky: .bool(isFlaky)
        case .duration: .string(duration)
        case .attemptsText: .string(attemptsText)
        case .hasSeveralAttempts: .bool(attemptCount > 1)
        case .attemptOutcomes: .string(attemptOutcomes)
        case .status: status
        case .completionReason: completionReason
        case .recordingURL: recordingURL
        }
    }
}

/// A failed or errored test as the summary lists it, prepared once for every detail level.
private struct FailureRow {
    var row: MarkdownTestRow
    /// The deciding attempt's reasons, shortened; its message when it has none.
    var reasons: [String]
    /// The last lines of the deciding attempt's transcript.
    var transcript: [MustacheValue]
    /// Every line of that transcript.
    var turnCount: Int

    /// - Parameter runName: The run's name, already cut to ``MarkdownText/nameLength``.
    init(_ test: borrowing TestResult, runName: String) {
        row = MarkdownTestRow(test: test, runName: runName)
        // The deciding attempt is read where it is stored: a copy of it would retain all its texts.
        let index = test.decidingAttemptIndex
        let hasDeciding = test.attempts.indices.contains(index)
        let reasons = hasDeciding
            ? (test.attempts[index].reasons.isEmpty ? [test.attempts[index].message] : test.attempts[index].reasons) : []
        self.reasons = reasons.map { MarkdownText.clipped($0, to: MarkdownText.reasonLength) }.filter { !$0.isEmpty }
        // A line a turn: only the last few are made, the ones shown.
        turnCount = hasDeciding ? test.attempts[index].conversation.history.count : 0
        let lines = hasDeciding
            ? TranscriptLine.lines(of: test.attempts[index].conversation, last: MarkdownContext.transcriptTurns) : []
        transcript = lines.map { line in
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
        let showsTranscript = level.showsTranscripts && !transcript.isEmpty
        let value = FailureRowObject(
            row: row, shownReasons: shownReasons, hiddenReasons: reasons.count - shownReasons.count,
            transcript: showsTranscript ? transcript : [], transcriptTurns: transcript.count, turnCount: turnCount)
        return (.computed(value), value.hiddenReasons, !showsTranscript && !transcript.isEmpty)
    }
}

/// A failed or errored test's row at one detail level: the row of every test, with the reasons
/// and transcript lines that level shows.
struct FailureRowObject: MustacheObject {
    let row: MarkdownTestRow
    let shownReasons: [String]
    let hiddenReasons: Int
    /// The transcript lines shown (none when the level leaves them out).
    let transcript: [MustacheValue]
    /// How many lines the summary keeps of the transcript, and how many it has.
    let transcriptTurns: Int
    let turnCount: Int

    enum FailureKey: String, CaseIterable {
        case reasons, hasReasons, moreReasons, hasMoreReasons, moreReasonsText
        case transcript, hasTranscript, transcriptTurns, turnCount, hasEarlierTurns
    }

    enum Key: Hashable {
        case row(MarkdownTestRow.Key)
        case failure(FailureKey)
    }

    static let keys: NameTable<Key> = MarkdownTestRow.keys.mapValues(Key.row)
        .merging(FailureKey.allCases.map { ($0.rawValue, Key.failure($0)) }) { _, failure in failure }

    func member(_ name: String) -> MustacheValue? {
        guard let key = Self.keys[name] else { return nil }
        switch key {
        case .row(let key): return row.value(key)
        case .failure(let key): return value(key)
        }
    }

    private func value(_ key: FailureKey) -> MustacheValue {
        switch key {
        case .reasons: .list(shownReasons.map(MustacheValue.string))
        case .hasReasons: .bool(!shownReasons.isEmpty)
        case .moreReasons: .int(hiddenReasons)
        case .hasMoreReasons: .bool(hiddenReasons > 0)
        case .moreReasonsText: .string(MarkdownText.counted(hiddenReasons, "more reason", "more reasons"))
        case .transcript: .list(transcript)
        case .hasTranscript: .bool(!transcript.isEmpty)
        case .transcriptTurns: .int(transcriptTurns)
        case .turnCount: .int(turnCount)
        case .hasEarlierTurns: .bool(turnCount > transcriptTurns)
        }
    }
}
