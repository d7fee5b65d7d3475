#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Mustache

/// The template values of one test and its attempts: ``TestObject`` and ``AttemptObject``, and
/// what they share with other places that show a test.
enum TestContext {
    static func outcome(_ outcome: Outcome) -> [String: MustacheValue] {
        Dictionary(uniqueKeysWithValues: OutcomeKey.allCases.map { ($0.rawValue, $0.value(of: outcome)) })
    }

    /// The JUnit (Maven Surefire) entries for attempts other than the deciding one that failed
    /// or errored: `flakyFailure`/`flakyError` when the test passed in the end,
    /// `rerunFailure`/`rerunError` when it failed or errored.
    static func reruns(_ test: TestResult) -> [MustacheValue] {
        test.attempts.indices.compactMap { index in
            guard let element = rerunElement(test, attemptAt: index) else { return nil }
            let attempt = test.attempts[index]
            let systemOut = systemOut(attempt, test: nil)
            return [
                "element": .string(element),
                "number": .int(index + 1),
                "message": .string(attempt.message),
                "type": .string(attempt.type ?? defaultType(attempt.outcome)),
                "reasonsText": .string(reasonsText(attempt)),
                "sessionID": MustacheValue(attempt.conversation.sessionID),
                "systemOut": .text(systemOut),
                "hasSystemOut": .bool(!systemOut.isEmpty),
            ]
        }
    }

    /// Whether the test has any entry in ``reruns(_:)``, without building them.
    static func hasReruns(_ test: TestResult) -> Bool {
        test.attempts.indices.contains { rerunElement(test, attemptAt: $0) != nil }
    }

    /// The rerun element the attempt at `index` gets (`flakyFailure`…), or `nil` when it is
    /// the deciding attempt, did not fail or error, or the test was skipped.
    static func rerunElement(_ test: TestResult, attemptAt index: Int) -> String? {
        // Only the outcome is read: every test asks this of each of its attempts, and copying
        // a whole attempt (its conversation) retains and releases every text in it.
        let outcome = test.attempts[index].outcome
        guard test.outcome != .skipped, index != test.decidingAttemptIndex, outcome.isProblem else { return nil }
        let prefix = test.outcome == .passed ? "flaky" : "rerun"
        return prefix + (outcome == .failed ? "Failure" : "Error")
    }

    /// The reasons, one a line; the message when there are none.
    static func reasonsText(_ attempt: AttemptResult?) -> String {
        guard let attempt else { return "" }
        return attempt.reasons.isEmpty ? attempt.message : attempt.reasons.joined(separator: "\n")
    }

    /// Whether ``systemOut(_:test:)`` has anything to show for a test's deciding attempt,
    /// without writing the transcript.
    static func hasSystemOut(_ deciding: AttemptResult?, test: TestResult) -> Bool {
        guard let deciding else { return false }
        let conversation = deciding.conversation
        return test.attempts.count > 1 || conversation.sessionID != nil || WebLink.http(conversation.audioURL) != nil
            || !conversation.history.isEmpty
    }

    /// What JUnit's `<system-out>` shows for an attempt: which attempt decided the outcome (when
    /// `test`, the attempt's test, has several), the session, the recording link, then the
    /// transcript (each line as ``TranscriptLine/line``), one line each.
    ///
    /// It is the largest text of a JUnit report (most of its bytes), so it stays the UTF-8
    /// bytes it is written as, which the template escapes as they are.
    static func systemOut(_ attempt: AttemptResult?, test: TestResult?) -> MustacheText {
        guard let attempt else { return MustacheText() }
        let conversation = attempt.conversation
        // A transcript line takes about 140 bytes.
        var lines = PlainTextLines(capacity: 256 + 160 * conversation.history.count)
        if let test, test.attempts.count > 1 {
            lines.appendLine("attempt \(test.decidingAttemptIndex + 1) of \(test.attempts.count) decided the outcome")
        }
        if let session = conversation.sessionID { lines.appendLine("session: " + session) }
        if let url = WebLink.http(conversation.audioURL) { lines.appendLine("recording: " + url) }
        if !conversation.history.isEmpty {
            lines.appendLine("transcript:")
            TranscriptLine.write(conversation, into: &lines)
        }
        return lines.mustacheText
    }

    /// The transcript lines; those of `slowTurns` are marked `isSlow` (see ``InsightsContext``).
    static func transcript(_ lines: [TranscriptLine], slowTurns: [SlowTurn] = []) -> MustacheValue {
        .list(lines.enumerated().map { index, line in
            var values: [String: MustacheValue] = [
                "line": .string(line.line), "text": .string(line.text), "offset": MustacheValue(line.offset),
                "kind": .string(line.kind), "isError": .bool(line.isError),
            ]
            values.reserveCapacity(values.count + 2)
            values.merge(InsightsContext.transcriptLine(at: index, slowTurns: slowTurns)) { _, new in new }
            return .object(values)
        })
    }

    /// An attempt's transcript lines, as ``transcript(_:slowTurns:)`` gives them.
    static func transcript(of attempt: AttemptResult) -> MustacheValue {
        transcript(TranscriptLine.lines(of: attempt.conversation), slowTurns: attempt.insights.slowTurns)
    }

    /// JUnit requires a `type` on rerun entries; used when the payload gave none.
    static func defaultType(_ outcome: Outcome) -> String {
        switch outcome {
        case .passed: "passed"
        case .failed: "failed"
        case .error: "error"
        case .skipped: "skipped"
        }
    }
}

/// The keys every test, attempt and test row has for its outcome.
enum OutcomeKey: String, CaseIterable {
    case outcome, outcomeLabel, symbol, isPassed, isFailed, isError, isSkipped, isProblem

    func value(of outcome: Outcome) -> MustacheValue {
        switch self {
        case .outcome: .string(outcome.rawValue)
        case .outcomeLabel:
            switch outcome {
            case .passed: "Passed"
            case .failed: "Failed"
            case .error: "Error"
            case .skipped: "Skipped"
            }
        case .symbol:
            switch outcome {
            case .passed: "✅"
            case .failed: "❌"
            case .error: "⚠️"
            case .skipped: "⏭️"
            }
        case .isPassed: .bool(outcome == .passed)
        case .isFailed: .bool(outcome == .failed)
        case .isError: .bool(outcome == .error)
        case .isSkipped: .bool(outcome == .skipped)
        case .isProblem: .bool(outcome.isProblem)
        }
    }

    /// Each key by name, as `wrap` makes it a key of a larger set.
    static func named<Key>(_ wrap: (OutcomeKey) -> Key) -> [(String, Key)] {
        allCases.map { ($0.rawValue, wrap($0)) }
    }
}

/// A test's template values (README, "Test", and the voice insights' test keys), each worked
/// out when a template looks it up.
///
/// A report has thousands of tests of some forty keys each, of which a template reads a few.
/// Kept in dictionaries, every value was built up front, held until every format was rendered,
/// and found by hashing its key in a large table; this holds the test and builds the one value
/// asked for. Values as large as a transcript (`transcript`, `systemOut`, `reruns`,
/// `insightLines`) are built each time a template reaches them, as they were when lazy.
struct TestObject: MustacheObject {
    let test: TestResult
    let budget: LatencyBudget
    /// The test's HTML anchor and its run's name: worked out for a whole report or run at once.
    let anchor: String
    let runName: String
    /// The HTML anchors of the test's attempts, handed out with the test's (see ``HTMLAnchorBook``):
    /// the HTML report's attempts (``HTMLAttemptObject``) take theirs from here.
    let attemptAnchors: [String]

    enum Key: Hashable {
        case outcome(OutcomeKey)
        case id, name, runID, agent, hasAgent, classname, isFlaky
        case message, hasMessage, reasons, hasReasons, reasonsText, type
        case duration, seconds
        case attempts, attemptCount, attemptsText, hasSeveralAttempts, decidingAttempt
        case sessionID, recordingURL, transcript, hasTranscript, systemOut, hasSystemOut, reruns, hasReruns
        case latencyStats, signals, `repeat`, isRepeated, insightLines, hasInsightLines, latencyFailure, hasLatencyFailure
        case anchor, runName
    }

    /// Every key by name: one look-up in the table (see ``NameTable``) finds the key, the `switch` in ``value(_:)`` its value.
    static let keys = NameTable<Key>(OutcomeKey.named(Key.outcome) + [
        ("id", .id), ("name", .name), ("runID", .runID), ("agent", .agent), ("hasAgent", .hasAgent),
        ("classname", .classname), ("isFlaky", .isFlaky),
        ("message", .message), ("hasMessage", .hasMessage), ("reasons", .reasons), ("hasReasons", .hasReasons),
        ("reasonsText", .reasonsText), ("type", .type),
        ("duration", .duration), ("seconds", .seconds),
        ("attempts", .attempts), ("attemptCount", .attemptCount), ("attemptsText", .attemptsText),
        ("hasSeveralAttempts", .hasSeveralAttempts), ("decidingAttempt", .decidingAttempt),
        ("sessionID", .sessionID), ("recordingURL", .recordingURL), ("transcript", .transcript),
        ("hasTranscript", .hasTranscript), ("systemOut", .systemOut), ("hasSystemOut", .hasSystemOut),
        ("reruns", .reruns), ("hasReruns", .hasReruns),
        ("latencyStats", .latencyStats), ("signals", .signals), ("repeat", .repeat), ("isRepeated", .isRepeated),
        ("insightLines", .insightLines), ("hasInsightLines", .hasInsightLines),
        ("latencyFailure", .latencyFailure), ("hasLatencyFailure", .hasLatencyFailure),
        ("anchor", .anchor), ("runName", .runName),
    ] as [(String, Key)])

    func member(_ name: String) -> MustacheValue? {
        // Not `Self.keys[name].map(value)`: the closure it makes copies the object (retaining
        // each of its fields) for every look-up.
        guard let key = Self.keys[name] else { return nil }
        return value(key)
    }

    /// The index of the attempt that decided the outcome, if the test has it. Its fields are
    /// read through it (`test.attempts[$0].message`): copying the whole attempt to read one
    /// would retain and release every text of its conversation.
    private var decidingIndex: Int? {
        test.attempts.indices.contains(test.decidingAttemptIndex) ? test.decidingAttemptIndex : nil
    }

    /// The attempt that decided the outcome, if the test has it, for the values that read most of it.
    private var deciding: AttemptResult? {
        decidingIndex.map { test.attempts[$0] }
    }

    func value(_ key: Key) -> MustacheValue {
        // A test failed by the latency gate passed its deciding attempt: the gate's failure is
        // its message, reasons and type.
        if let failure = test.latencyFailure {
            switch key {
            case .message, .reasonsText: return .string(failure.message)
            case .hasMessage, .hasReasons: return true
            case .reasons: return [.string(failure.message)]
            case .type: return .string(InsightsContext.latencyFailureType)
            default: break
            }
        }
        switch key {
        case .outcome(let key): return key.value(of: test.outcome)
        case .id: return .string(test.id)
        case .name: return .string(test.name)
        case .runID: return .string(test.runID)
        case .agent: return .string(test.agentName)
        case .hasAgent: return .bool(!test.agentName.isEmpty)
        case .classname: return .string(test.agentName.isEmpty ? "speaknode" : test.agentName)
        case .isFlaky: return .bool(test.isFlaky)
        case .message: return .string(decidingIndex.map { test.attempts[$0].message } ?? "")
        case .hasMessage: return .bool(!(decidingIndex.map { test.attempts[$0].message } ?? "").isEmpty)
        case .reasons: return .list((decidingIndex.map { test.attempts[$0].reasons } ?? []).map(MustacheValue.string))
        case .hasReasons: return .bool(!(decidingIndex.map { test.attempts[$0].reasons } ?? []).isEmpty)
        case .reasonsText: return .string(TestContext.reasonsText(deciding))
        case .type: return .string(decidingIndex.flatMap { test.attempts[$0].type } ?? TestContext.defaultType(test.outcome))
        case .duration: return .string(DurationText.readable(test.duration))
        case .seconds: return .string(DurationText.seconds(test.duration))
        case .attempts: return .list(test.attempts.indices.map { .computed(attempt(at: $0)) })
        case .attemptCount: return .int(test.attempts.count)
        case .attemptsText: return .string(ReportContext.counted(test.attempts.count, "attempt", "attempts"))
        case .hasSeveralAttempts: return .bool(test.attempts.count > 1)
        case .decidingAttempt: return decidingIndex.map { .computed(attempt(at: $0)) } ?? .null
        case .sessionID: return MustacheValue(decidingIndex.flatMap { test.attempts[$0].conversation.sessionID })
        case .recordingURL: return MustacheValue(WebLink.http(decidingIndex.flatMap { test.attempts[$0].conversation.audioURL }))
        case .transcript: return deciding.map(TestContext.transcript(of:)) ?? .list([])
        case .hasTranscript: return .bool(!(decidingIndex.map { test.attempts[$0].conversation.history.isEmpty } ?? true))
        case .systemOut: return .text(TestContext.systemOut(deciding, test: test))
        case .hasSystemOut: return .bool(TestContext.hasSystemOut(deciding, test: test))
        case .reruns: return .list(TestContext.reruns(test))
        case .hasReruns: return .bool(TestContext.hasReruns(test))
        case .latencyStats: return .computed(LatencyStatsObject(insights: test.insights, budget: budget))
        case .signals: return .computed(SignalsObject(signals: test.insights.signals))
        case .repeat: return RepeatObject.value(of: test)
        case .isRepeated: return .bool(test.attempts.count > 1)
        case .insightLines: return .text(InsightsContext.insightText(test))
        case .hasInsightLines: return .bool(InsightsContext.hasInsightLines(test))
        case .latencyFailure: return test.latencyFailure.map(InsightsContext.latencyFailure) ?? .null
        case .hasLatencyFailure: return .bool(test.latencyFailure != nil)
        case .anchor: return .string(anchor)
        case .runName: return .string(runName)
        }
    }

    /// The attempt at `index` (which must be one of the test's).
    func attempt(at index: Int) -> AttemptObject {
        AttemptObject(attempt: test.attempts[index], number: index + 1, isDeciding: index == test.decidingAttemptIndex)
    }
}

/// An attempt's template values (README, "Attempt"), each worked out when a template looks it
/// up, as ``TestObject`` does for its test.
struct AttemptObject: MustacheObject {
    let attempt: AttemptResult
    /// 1-based position in the test's attempts.
    let number: Int
    let isDeciding: Bool

    enum Key: Hashable {
        case outcome(OutcomeKey)
        case number, isDeciding, message, hasMessage, reasons, hasReasons, reasonsText, type
        case sessionID, agent, status, completionReason, startedAt, duration, seconds
        case recordingURL, recordingText, transcript, hasTranscript
    }

    /// Every key by name (see ``TestObject/keys``).
    static let keys = NameTable<Key>(OutcomeKey.named(Key.outcome) + [
        ("number", .number), ("isDeciding", .isDeciding), ("message", .message), ("hasMessage", .hasMessage),
        ("reasons", .reasons), ("hasReasons", .hasReasons), ("reasonsText", .reasonsText), ("type", .type),
        ("sessionID", .sessionID), ("agent", .agent), ("status", .status), ("completionReason", .completionReason),
        ("startedAt", .startedAt), ("duration", .duration), ("seconds", .seconds),
        ("recordingURL", .recordingURL), ("recordingText", .recordingText),
        ("transcript", .transcript), ("hasTranscript", .hasTranscript),
    ] as [(String, Key)])

    func member(_ name: String) -> MustacheValue? {
        // Not `Self.keys[name].map(value)`: the closure it makes copies the object (retaining
        // each of its fields) for every look-up.
        guard let key = Self.keys[name] else { return nil }
        return value(key)
    }

    func value(_ key: Key) -> MustacheValue {
        switch key {
        case .outcome(let key): return key.value(of: attempt.outcome)
        case .number: return .int(number)
        case .isDeciding: return .bool(isDeciding)
        case .message: return .string(attempt.message)
        case .hasMessage: return .bool(!attempt.message.isEmpty)
        case .reasons: return .list(attempt.reasons.map(MustacheValue.string))
        case .hasReasons: return .bool(!attempt.reasons.isEmpty)
        case .reasonsText: return .string(TestContext.reasonsText(attempt))
        case .type: return .string(attempt.type ?? TestContext.defaultType(attempt.outcome))
        case .sessionID: return MustacheValue(attempt.conversation.sessionID)
        case .agent: return MustacheValue(attempt.conversation.agentName)
        case .status: return MustacheValue(attempt.conversation.testStatus)
        case .completionReason: return MustacheValue(attempt.conversation.evalResult?.completionReason)
        case .startedAt: return MustacheValue((attempt.conversation.startTime ?? attempt.conversation.createdAt).map { UTCTimestamp($0).readable })
        case .duration: return .string(DurationText.readable(attempt.conversation.durationSeconds ?? 0))
        case .seconds: return .string(DurationText.seconds(attempt.conversation.durationSeconds ?? 0))
        case .recordingURL: return MustacheValue(WebLink.http(attempt.conversation.audioURL))
        case .recordingText:
            return MustacheValue(WebLink.http(attempt.conversation.audioURL) == nil ? attempt.conversation.audioURL : nil)
        case .transcript: return TestContext.transcript(of: attempt)
        case .hasTranscript: return .bool(!attempt.conversation.history.isEmpty)
        }
    }
}
