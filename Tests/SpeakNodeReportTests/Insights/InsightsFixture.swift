import Foundation
@testable import SpeakNodeReport

/// Hand-built transcripts for the insights and summary tests; times are seconds after ``start``.
enum InsightsFixture {
    /// When every fixture conversation starts.
    static let start = Date(timeIntervalSince1970: 1_780_000_000)

    static func at(_ seconds: Double) -> Date { start.addingTimeInterval(seconds) }

    /// An agent turn that starts speaking at `seconds` and speaks for `speaking` seconds.
    static func agent(
        _ text: String, at seconds: Double = 0, speaking: Double? = nil, e2e: Double? = nil,
        ttft: Double? = nil, ttfb: Double? = nil, interrupted: Bool? = nil
    ) -> HistoryItem {
        HistoryItem(
            role: "Assistant", content: text, kind: "Message", createdAt: at(seconds), interrupted: interrupted,
            metrics: TurnMetrics(
                startedSpeakingAt: at(seconds), stoppedSpeakingAt: speaking.map { at(seconds + $0) },
                llmNodeTTFT: ttft, ttsNodeTTFB: ttfb, e2eLatency: e2e
            )
        )
    }

    /// A user turn that starts speaking at `seconds`.
    static func user(
        _ text: String, at seconds: Double = 0, speaking: Double? = nil, eot: Double? = nil,
        transcription: Double? = nil, interrupted: Bool? = nil
    ) -> HistoryItem {
        HistoryItem(
            role: "User", content: text, kind: "Message", createdAt: at(seconds), interrupted: interrupted,
            metrics: TurnMetrics(
                startedSpeakingAt: at(seconds), stoppedSpeakingAt: speaking.map { at(seconds + $0) },
                transcriptionDelay: transcription, endOfTurnDelay: eot
            )
        )
    }

    /// Agent turns measuring only `e2e_latency`, one per value.
    static func agentTurns(e2e values: [Double]) -> [HistoryItem] {
        values.enumerated().map { index, value in agent("Turn \(index)", at: Double(index * 10), e2e: value) }
    }

    static func toolCall(_ name: String, id: String, kind: String = "FunctionCall") -> HistoryItem {
        HistoryItem(role: "Assistant", kind: kind, toolName: name, toolCallID: id, toolArgumentsJSON: "{}")
    }

    static func toolOutput(_ name: String, id: String, isError: Bool) -> HistoryItem {
        HistoryItem(role: "Tool", kind: "FunctionCallOutput", toolName: name, toolCallID: id, toolOutput: "{}", toolIsError: isError)
    }

    static let passed = EvalResult(success: true, reasons: ["Booked"], completionReason: "Completed")

    static func failed(_ reasons: [String], completion: String? = "StepsExhausted") -> EvalResult {
        EvalResult(success: false, reasons: reasons, completionReason: completion)
    }

    /// A test conversation delivery; attempts of one test are ordered by `order` (minutes after ``start``).
    static func delivery(
        run: String = "run-1", test: String = "test-1", session: String, eval: EvalResult? = passed,
        status: String? = "Completed", history: [HistoryItem] = [], order: Double = 0,
        campaign: String? = nil, duration: Double? = nil, line: Int
    ) -> Delivery {
        Delivery(
            event: Delivery.conversationComplete,
            conversation: Conversation(
                sessionID: session,
                startTime: start.addingTimeInterval(order * 60),
                durationSeconds: duration,
                history: history,
                campaignName: campaign,
                testRunID: run,
                testID: test,
                testStatus: status,
                evalResult: eval
            ),
            source: SourceLocation(file: "fixture.ndjson", line: line)
        )
    }

    static func report(_ deliveries: [Delivery], evaluator: Evaluator = Evaluator()) -> Report {
        evaluator.evaluate(Collector().collect(deliveries))
    }
}

/// Whether two numbers agree up to floating-point noise.
func isClose(_ actual: Double?, _ expected: Double, tolerance: Double = 1e-9) -> Bool {
    guard let actual else { return false }
    return abs(actual - expected) <= tolerance
}
