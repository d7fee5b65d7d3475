import Testing
@testable import SpeakNodeReport

@Suite("Attempt verdicts")
struct AttemptVerdictTests {
    func verdict(_ eval: EvalResult?, status: String? = nil) -> AttemptResult {
        AttemptResult(evaluating: Conversation(sessionID: "s", testStatus: status, evalResult: eval))
    }

    @Test("success true passes, with the reasons joined as the message")
    func passes() {
        let attempt = verdict(EvalResult(success: true, reasons: ["Greeted", "", "Booked"], completionReason: "Completed"))
        #expect(attempt.outcome == .passed)
        #expect(attempt.message == "Greeted; Booked")
        #expect(attempt.reasons == ["Greeted", "", "Booked"])
        #expect(verdict(EvalResult(success: true)).message == "")
    }

    @Test("success false fails with the reasons, typed by the completion reason")
    func fails() {
        let attempt = verdict(EvalResult(success: false, reasons: ["Wrong date", "No confirmation"], completionReason: "StepsExhausted"))
        #expect(attempt.outcome == .failed)
        #expect(attempt.message == "Wrong date; No confirmation")
        #expect(attempt.type == "StepsExhausted")

        let bare = verdict(EvalResult(success: false, reasons: [" "]))
        #expect(bare.message == "no reason given")
        #expect(bare.type == nil)
    }

    @Test("the verdict decides even when the status says otherwise")
    func verdictBeatsStatus() {
        #expect(verdict(EvalResult(success: true), status: "Cancelled").outcome == .passed)
        #expect(verdict(EvalResult(success: false), status: "Skipped").outcome == .failed)
    }

    @Test("not evaluated and skipped or cancelled is skipped, in any case",
          arguments: ["Skipped", "Cancelled", "Canceled", "CANCELLED", "skipped"])
    func skips(status: String) {
        let attempt = verdict(nil, status: status)
        #expect(attempt.outcome == .skipped)
        #expect(attempt.type == status)
        #expect(attempt.message == "skipped (test status: \(status))")
    }

    @Test("not evaluated for any other reason is an error naming the status")
    func errors() {
        let failedRun = verdict(nil, status: "Error")
        #expect(failedRun.outcome == .error)
        #expect(failedRun.message == "not evaluated (test status: Error)")
        #expect(failedRun.type == "Error")

        let noVerdict = verdict(EvalResult(success: nil, reasons: ["judge timed out"]), status: "Completed")
        #expect(noVerdict.outcome == .error)
        #expect(noVerdict.message == "not evaluated (test status: Completed)")
        #expect(noVerdict.reasons == ["judge timed out"])

        let noStatus = verdict(nil)
        #expect(noStatus.outcome == .error)
        #expect(noStatus.message == "not evaluated (no test status)")
        #expect(noStatus.type == nil)
        #expect(verdict(nil, status: "").message == "not evaluated (no test status)")
    }

    @Test("duration counts only usable seconds")
    func duration() {
        let seconds: [(given: Double?, counted: Double)] = [(nil, 0), (12.5, 12.5), (-3, 0), (.infinity, 0), (.nan, 0)]
        for (given, expected) in seconds {
            let attempt = AttemptResult(evaluating: Conversation(durationSeconds: given))
            #expect(attempt.duration == expected)
        }
    }
}
