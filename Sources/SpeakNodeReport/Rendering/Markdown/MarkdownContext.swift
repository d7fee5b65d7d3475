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
                let row = MarkdownTestRow(test: test, runName: runName)
                switch test.outcome {
                case .failed, .error: failures.append(FailureRow(test, row: row))
                case .passed: passedTests.append(.computed(row))
                case .skipped: skippedTests.append(.computed(row))
                }
                if test.isFlaky { flakyTests.append(.computed(row)) }
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

    /// The most attempt outcomes a row lists; a test retried more often shows the first ones.
    static let outcomesShown = 10

    /// `❌ Failed → ✅ Passed`; `… → 12 more` past `outcomesShown`.
    fileprivate static func attemptOutcomes(_ test: TestResult) -> String {
        var parts = test.attempts.prefix(outcomesShown).map { outcomeText($0.outcome) }
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
/// outcome keys, name, run, agent, attempts, status and recording, each worked out when a
/// template looks it up. The summary lists a few rows of thousands of tests: the others are
/// never built.
struct MarkdownTestRow: MustacheObject {
    let test: TestResult
    /// The run's name, already cut to ``MarkdownText/nameLength``.
    let runName: String

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
        Self.keys[name].map(value)
    }

    func value(_ key: Key) -> MustacheValue {
        let name = MarkdownText.nameLength
        let decidingIndex = test.attempts.indices.contains(test.decidingAttemptIndex) ? test.decidingAttemptIndex : nil
        switch key {
        case .outcome(let key): return key.value(of: test.outcome)
        case .name: return .string(MarkdownText.clipped(test.name, to: name))
        case .runName: return .string(runName)
        case .agent: return .string(MarkdownText.clipped(test.agentName, to: name))
        case .hasAgent: return .bool(!MarkdownText.clipped(test.agentName, to: name).isEmpty)
        case .isFlaky: return .bool(test.isFlaky)
        case .duration: return .string(DurationText.readable(test.duration))
        case .attemptsText: return .string(ReportContext.counted(test.attempts.count, "attempt", "attempts"))
        case .hasSeveralAttempts: return .bool(test.attempts.count > 1)
        case .attemptOutcomes: return .string(MarkdownContext.attemptOutcomes(test))
        case .status:
            return MustacheValue(decidingIndex.flatMap { test.attempts[$0].conversation.testStatus }.map { MarkdownText.clipped($0, to: name) })
        case .completionReason:
            return MustacheValue(
                decidingIndex.flatMap { test.attempts[$0].conversation.evalResult?.completionReason }
                    .map { MarkdownText.clipped($0, to: name) })
        case .recordingURL: return MustacheValue(WebLink.http(decidingIndex.flatMap { test.attempts[$0].conversation.audioURL }))
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

    init(_ test: TestResult, row: MarkdownTestRow) {
        self.row = row
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
