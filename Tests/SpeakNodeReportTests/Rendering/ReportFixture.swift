import Foundation
@testable import SpeakNodeReport

/// Builds small `Report` values by hand, so rendering tests do not depend on the evaluator.
enum ReportFixture {
    static let start = Date(timeIntervalSince1970: 1_764_079_200)  // 2025-11-25T14:00:00Z

    static func conversation(
        session: String, agent: String = "Booking agent", offset: TimeInterval = 0, duration: Double = 62,
        status: String = "Completed", success: Bool? = true, reasons: [String] = [], audioURL: String? = nil,
        history: [HistoryItem]? = nil
    ) -> Conversation {
        let begin = start.addingTimeInterval(offset)
        return Conversation(
            sessionID: session, agentName: agent, audioURL: audioURL, createdAt: begin, startTime: begin,
            durationSeconds: duration,
            history: history ?? [
                HistoryItem(role: "User", content: "Hello", kind: "Message", createdAt: begin.addingTimeInterval(12.3)),
                HistoryItem(role: "Assistant", content: "Hi, how can I help?", kind: "Message", createdAt: begin.addingTimeInterval(13)),
            ],
            testRunID: "01dbc221-8963-4bd7-8591-4a1f9d286862", testID: "test", testStatus: status,
            evalResult: success.map { EvalResult(success: $0, reasons: reasons, completionReason: "StepsExhausted") })
    }

    static func attempt(_ outcome: Outcome, _ conversation: Conversation, reasons: [String] = []) -> AttemptResult {
        let message: String =
            switch outcome {
            case .failed: reasons.joined(separator: "; ")
            case .error: "not evaluated (status: \(conversation.testStatus ?? "unknown"))"
            case .skipped: "skipped"
            case .passed: ""
            }
        let type: String? =
            switch outcome {
            case .failed: conversation.evalResult?.completionReason
            case .error, .skipped: conversation.testStatus
            case .passed: nil
            }
        return AttemptResult(conversation: conversation, outcome: outcome, message: message, reasons: reasons, type: type)
    }

    static func test(
        id: String, name: String? = nil, agent: String = "Booking agent", attempts: [AttemptResult],
        deciding: Int? = nil, outcome: Outcome? = nil
    ) -> TestResult {
        let decidingIndex = deciding ?? attempts.count - 1
        let outcome = outcome ?? attempts[decidingIndex].outcome
        return TestResult(
            id: id, name: name ?? id, runID: "01dbc221-8963-4bd7-8591-4a1f9d286862", agentName: agent,
            attempts: attempts, decidingAttemptIndex: decidingIndex, outcome: outcome,
            isFlaky: Set(attempts.map(\.outcome)).count > 1,
            duration: attempts.reduce(0) { $0 + ($1.conversation.durationSeconds ?? 0) })
    }

    static func counts(_ tests: [TestResult]) -> Counts {
        var counts = Counts()
        for test in tests {
            counts.tests += 1
            counts.attempts += test.attempts.count
            counts.duration += test.duration
            if test.isFlaky { counts.flaky += 1 }
            switch test.outcome {
            case .passed: counts.passed += 1
            case .failed: counts.failed += 1
            case .error: counts.errors += 1
            case .skipped: counts.skipped += 1
            }
        }
        return counts
    }

    static func report(
        tests: [TestResult], campaign: String? = "Nightly", redeliveries: Int = 0, nonTest: Int = 0,
        problems: [InputProblem] = []
    ) -> Report {
        let counts = counts(tests)
        let run = RunResult(
            id: "01dbc221-8963-4bd7-8591-4a1f9d286862", campaignName: campaign, campaignID: "78614b6c",
            agentNames: Array(Set(tests.map(\.agentName))).sorted(), tests: tests, counts: counts, startedAt: start)
        return Report(
            runs: [run], totals: counts, policy: .latest, redeliveries: redeliveries, nonTestDeliveries: nonTest,
            problems: problems, generatedAt: start.addingTimeInterval(3600))
    }

    /// One test of every kind: passed, failed, error, skipped, and flaky (failed, then passed).
    static func mixed() -> Report {
        report(
            tests: [
                test(id: "a-pass", name: "Books a slot", attempts: [attempt(.passed, conversation(session: "s1"))]),
                test(
                    id: "b-fail", name: "Cancels a booking",
                    attempts: [attempt(.failed, conversation(session: "s2", success: false, reasons: ["Did not confirm"]), reasons: ["Did not confirm", "Hung up early"])]),
                test(id: "c-error", name: "Reschedules", attempts: [attempt(.error, conversation(session: "s3", status: "Error", success: nil))]),
                test(id: "d-skip", name: "Transfers", attempts: [attempt(.skipped, conversation(session: "s4", status: "Cancelled", success: nil))]),
                test(
                    id: "e-flaky", name: "Asks for the price",
                    attempts: [
                        attempt(.failed, conversation(session: "s5", success: false), reasons: ["Wrong price"]),
                        attempt(.passed, conversation(session: "s6", offset: 100, audioURL: "https://rec.example/s6.wav?sig=a&b=c")),
                    ]),
            ],
            redeliveries: 2, nonTest: 1,
            problems: [InputProblem(source: SourceLocation(file: "in.ndjson", line: 4), reason: "not JSON")])
    }

    /// A failed test whose earlier attempts errored and failed, so JUnit lists them as reruns.
    static func retried() -> Report {
        report(tests: [
            test(
                id: "retried", attempts: [
                    attempt(.error, conversation(session: "r1", status: "Error", success: nil)),
                    attempt(.failed, conversation(session: "r2", offset: 100, success: false), reasons: ["first"]),
                    attempt(.failed, conversation(session: "r3", offset: 200, success: false), reasons: ["second"]),
                ])
        ])
    }

    /// A report whose every text field holds markup, template tags and control characters.
    static let hostileText = "<script>alert(1)</script> ]]> &amp; \u{0}\u{7}\u{1B}\u{FFFE} | `x` [x](javascript:alert(1)) # heading @user #123 {{title}} \"'"

    static func hostile() -> Report {
        let hostileHistory = [
            HistoryItem(role: hostileText, content: hostileText, kind: "Message", createdAt: start.addingTimeInterval(1)),
            HistoryItem(kind: "FunctionCall", createdAt: start.addingTimeInterval(2), toolName: hostileText, toolArgumentsJSON: hostileText),
            HistoryItem(kind: "FunctionCallOutput", createdAt: start.addingTimeInterval(3), toolOutput: hostileText, toolIsError: true),
        ]
        let conversation = conversation(
            session: hostileText, agent: hostileText, success: false, reasons: [hostileText],
            audioURL: "javascript:alert(1)", history: hostileHistory)
        let failing = test(
            id: hostileText, name: hostileText, agent: hostileText,
            attempts: [attempt(.failed, conversation, reasons: [hostileText])])
        return report(
            tests: [failing], campaign: hostileText,
            problems: [InputProblem(source: SourceLocation(file: hostileText), reason: hostileText)])
    }
}
