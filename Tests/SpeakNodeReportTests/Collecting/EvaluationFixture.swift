import Foundation
@testable import SpeakNodeReport

/// Small hand-built deliveries for the collecting and evaluating tests.
enum EvaluationFixture {
    /// A fixed moment, so every test reads the same times.
    static let origin = Date(timeIntervalSince1970: 1_780_000_000)

    /// `origin` plus some minutes.
    static func minute(_ minutes: Double) -> Date { origin.addingTimeInterval(minutes * 60) }

    static let passed = EvalResult(success: true, reasons: ["Booked the appointment"], completionReason: "Completed")
    static let failed = EvalResult(success: false, reasons: ["Never confirmed the date"], completionReason: "StepsExhausted")

    /// A test conversation delivery; times are minutes after ``origin``.
    static func delivery(
        event: String? = Delivery.conversationComplete,
        run: String? = "run-1",
        test: String? = "test-1",
        session: String?,
        eval: EvalResult? = nil,
        status: String? = nil,
        start: Double? = nil,
        created: Double? = nil,
        duration: Double? = nil,
        agent: String? = nil,
        campaign: String? = nil,
        campaignID: String? = nil,
        file: String = "input.ndjson",
        line: Int
    ) -> Delivery {
        Delivery(
            event: event,
            conversation: Conversation(
                sessionID: session,
                agentName: agent,
                createdAt: created.map(minute),
                startTime: start.map(minute),
                durationSeconds: duration,
                campaignID: campaignID,
                campaignName: campaign,
                testRunID: run,
                testID: test,
                testStatus: status,
                evalResult: eval
            ),
            source: SourceLocation(file: file, line: line)
        )
    }

    /// Session ids of every attempt, per "run/test".
    static func sessions(_ collection: CollectedInput) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for run in collection.runs {
            for test in run.tests {
                result["\(run.id)/\(test.id)"] = test.attempts.map(\.key.description)
            }
        }
        return result
    }
}
