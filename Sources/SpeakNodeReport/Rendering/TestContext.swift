import Foundation
import Mustache

/// The template values of one test and its attempts.
enum TestContext {
    /// A test's values. Its transcripts, `systemOut` and `reruns` are lazy (see
    /// `MustacheLazyValue`): built when a template renders them, once per report, and
    /// freed after, so that a report of thousands of tests never holds every transcript's
    /// values at once.
    static func test(_ test: TestResult) -> [String: MustacheValue] {
        let deciding = test.attempts.indices.contains(test.decidingAttemptIndex) ? test.decidingAttempt : nil
        let attempts = test.attempts.enumerated().map { index, attempt in
            self.attempt(attempt, number: index + 1, isDeciding: index == test.decidingAttemptIndex)
        }
        // The deciding attempt's context is among them: reuse it rather than format its transcript again.
        let decidingContext = deciding == nil ? nil : attempts[test.decidingAttemptIndex]
        let hasReruns = test.attempts.indices.contains { rerunElement(test, attemptAt: $0) != nil }
        return object(test.outcome, [
            "id": .string(test.id),
            "name": .string(test.name),
            "runID": .string(test.runID),
            "agent": .string(test.agentName),
            "hasAgent": .bool(!test.agentName.isEmpty),
            "classname": .string(test.agentName.isEmpty ? "speaknode" : test.agentName),
            "isFlaky": .bool(test.isFlaky),
            "message": .string(deciding?.message ?? ""),
            "hasMessage": .bool(!(deciding?.message ?? "").isEmpty),
            "reasons": .list((deciding?.reasons ?? []).map(MustacheValue.string)),
            "hasReasons": .bool(!(deciding?.reasons ?? []).isEmpty),
            "reasonsText": .string(reasonsText(deciding)),
            "type": .string(deciding?.type ?? defaultType(test.outcome)),
            "duration": .string(DurationText.readable(test.duration)),
            "seconds": .string(DurationText.seconds(test.duration)),
            "attempts": .list(attempts.map(MustacheValue.object)),
            "attemptCount": .int(attempts.count),
            "attemptsText": .string(ReportContext.counted(attempts.count, "attempt", "attempts")),
            "hasSeveralAttempts": .bool(attempts.count > 1),
            "decidingAttempt": decidingContext.map(MustacheValue.object) ?? .null,
            "sessionID": MustacheValue(deciding?.conversation.sessionID),
            "recordingURL": MustacheValue(WebLink.http(deciding?.conversation.audioURL)),
            "transcript": decidingContext?["transcript"] ?? .list([]),
            "hasTranscript": .bool(!(deciding?.conversation.history.isEmpty ?? true)),
            "systemOut": .lazy { .string(systemOut(deciding, test: test)) },
            "hasSystemOut": .bool(hasSystemOut(deciding, test: test)),
            "reruns": .lazy { .list(reruns(test)) },
            "hasReruns": .bool(hasReruns),
        ])
    }

    static func outcome(_ outcome: Outcome) -> [String: MustacheValue] {
        var values: [String: MustacheValue] = [:]
        values.reserveCapacity(outcomeKeyCount)
        add(outcome, to: &values)
        return values
    }

    /// Adds the keys of ``outcome(_:)`` to `values`.
    static func add(_ outcome: Outcome, to values: inout [String: MustacheValue]) {
        let (label, symbol): (String, String) =
            switch outcome {
            case .passed: ("Passed", "✅")
            case .failed: ("Failed", "❌")
            case .error: ("Error", "⚠️")
            case .skipped: ("Skipped", "⏭️")
            }
        values["outcome"] = .string(outcome.rawValue)
        values["outcomeLabel"] = .string(label)
        values["symbol"] = .string(symbol)
        values["isPassed"] = .bool(outcome == .passed)
        values["isFailed"] = .bool(outcome == .failed)
        values["isError"] = .bool(outcome == .error)
        values["isSkipped"] = .bool(outcome == .skipped)
        values["isProblem"] = .bool(outcome.isProblem)
    }

    /// How many keys ``add(_:to:)`` adds.
    private static let outcomeKeyCount = 8

    /// An object of the outcome's keys and `values`, built in one dictionary sized for both
    /// rather than two merged: a report builds one for every test and attempt.
    private static func object(_ outcome: Outcome, _ values: KeyValuePairs<String, MustacheValue>) -> [String: MustacheValue] {
        var object: [String: MustacheValue] = [:]
        object.reserveCapacity(outcomeKeyCount + values.count)
        add(outcome, to: &object)
        for (key, value) in values { object[key] = value }
        return object
    }

    static func attempt(_ attempt: AttemptResult, number: Int, isDeciding: Bool) -> [String: MustacheValue] {
        let conversation = attempt.conversation
        let recordingURL = WebLink.http(conversation.audioURL)
        return object(attempt.outcome, [
            "number": .int(number),
            "isDeciding": .bool(isDeciding),
            "message": .string(attempt.message),
            "hasMessage": .bool(!attempt.message.isEmpty),
            "reasons": .list(attempt.reasons.map(MustacheValue.string)),
            "hasReasons": .bool(!attempt.reasons.isEmpty),
            "reasonsText": .string(reasonsText(attempt)),
            "type": .string(attempt.type ?? defaultType(attempt.outcome)),
            "sessionID": MustacheValue(conversation.sessionID),
            "agent": MustacheValue(conversation.agentName),
            "status": MustacheValue(conversation.testStatus),
            "completionReason": MustacheValue(conversation.evalResult?.completionReason),
            "startedAt": MustacheValue((conversation.startTime ?? conversation.createdAt).map { UTCTimestamp($0).readable }),
            "duration": .string(DurationText.readable(conversation.durationSeconds ?? 0)),
            "seconds": .string(DurationText.seconds(conversation.durationSeconds ?? 0)),
            "recordingURL": MustacheValue(recordingURL),
            "recordingText": MustacheValue(recordingURL == nil ? conversation.audioURL : nil),
            "transcript": .lazy { transcript(TranscriptLine.lines(of: conversation), slowTurns: attempt.insights.slowTurns) },
            "hasTranscript": .bool(!conversation.history.isEmpty),
        ])
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
                "systemOut": .string(systemOut),
                "hasSystemOut": .bool(!systemOut.isEmpty),
            ]
        }
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
    static func systemOut(_ attempt: AttemptResult?, test: TestResult?) -> String {
        guard let attempt else { return "" }
        let conversation = attempt.conversation
        var lines = PlainTextLines()
        if let test, test.attempts.count > 1 {
            lines.appendLine("attempt \(test.decidingAttemptIndex + 1) of \(test.attempts.count) decided the outcome")
        }
        if let session = conversation.sessionID { lines.appendLine("session: " + session) }
        if let url = WebLink.http(conversation.audioURL) { lines.appendLine("recording: " + url) }
        if !conversation.history.isEmpty {
            lines.appendLine("transcript:")
            TranscriptLine.write(conversation, into: &lines)
        }
        return lines.text
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
