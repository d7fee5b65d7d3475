import Foundation
import Testing
@testable import SpeakNodeReport

@Suite("Documented delivery")
struct DocumentedDeliveryTests {
    /// The example delivery of SpeakNode's documentation, verbatim. (Kept inline: a fixture
    /// file in the test target would need a Package.swift resource rule to build without warnings.)
    private static let documentedExample = #"""
{
  "event": "ConversationComplete",
  "data": {
    "session_id": "1ffd059c-17ea-40a8-8aef-70fd0307db82",
    "agent_id": "2b1e3b65-2c04-4fa2-a2d7-467901e98978",
    "agent_name": "string",
    "audio_url": "string",
    "audio_url_expires_at": "2019-08-24T14:15:22Z",
    "created_at": "2019-08-24T14:15:22Z",
    "start_time": "2019-08-24T14:15:22Z",
    "agent_joined_at": "2019-08-24T14:15:22Z",
    "duration_seconds": 0.1,
    "history": [
      {
        "role": "System",
        "content": "string",
        "kind": "Message",
        "id": "string",
        "created_at": "2019-08-24T14:15:22Z",
        "interrupted": true,
        "transcript_confidence": 0,
        "metrics": {
          "started_speaking_at": "2019-08-24T14:15:22Z",
          "stopped_speaking_at": "2019-08-24T14:15:22Z",
          "transcription_delay": 0,
          "end_of_turn_delay": 0,
          "on_user_turn_completed_delay": 0,
          "llm_node_ttft": 0,
          "tts_node_ttfb": 0,
          "e2e_latency": 0
        },
        "tool_name": "string",
        "tool_call_id": "string",
        "tool_arguments_json": "string",
        "tool_output": "string",
        "tool_is_error": true,
        "handoff_to_agent_id": "string",
        "instructions": "string",
        "tools_added": ["string"]
      }
    ],
    "telecom_provider": "Twilio",
    "from_number": "string",
    "to_number": "string",
    "campaign_item_id": "78a8e446-a45f-4f73-8757-0093137dd224",
    "campaign_id": "78614b6c-fe7c-41e2-8e25-c9b3a3c91904",
    "campaign_name": "string",
    "url_parameters": { "property1": "string", "property2": "string" },
    "test_run_id": "01dbc221-8963-4bd7-8591-4a1f9d286862",
    "test_id": "22e96a18-23fe-4c06-8ee6-180390ceaded",
    "test_status": "Initial",
    "test_eval_result": {
      "success": true,
      "reasons": ["string"],
      "completion_reason": "StepsExhausted"
    }
  }
}
"""#

    @Test("the documented example reads as one test conversation")
    func documentedExample() throws {
        let folder = try InputTestFolder()
        let path = try folder.write("documented.json", Self.documentedExample)
        let batch = DeliveryReader().read([path])
        #expect(batch.problems.isEmpty)
        #expect(batch.filesRead == 1)
        let delivery = try #require(batch.deliveries.first)
        #expect(delivery.event == Delivery.conversationComplete)
        let conversation = try #require(delivery.conversation)
        #expect(conversation.sessionID == "1ffd059c-17ea-40a8-8aef-70fd0307db82")
        #expect(conversation.testRunID == "01dbc221-8963-4bd7-8591-4a1f9d286862")
        #expect(conversation.testID == "22e96a18-23fe-4c06-8ee6-180390ceaded")
        #expect(conversation.testStatus == "Initial")
        #expect(conversation.createdAt == Date(timeIntervalSince1970: 1_566_656_122))
        #expect(conversation.urlParameters == ["property1": "string", "property2": "string"])
        #expect(conversation.evalResult == EvalResult(success: true, reasons: ["string"], completionReason: "StepsExhausted"))
        let item = try #require(conversation.history.first)
        #expect(item.kind == "Message")
        #expect(item.transcriptConfidence == 0)
        // Every metric in the example is 0, which means "not measured"; only the timestamps remain.
        #expect(item.metrics == TurnMetrics(
            startedSpeakingAt: Date(timeIntervalSince1970: 1_566_656_122),
            stoppedSpeakingAt: Date(timeIntervalSince1970: 1_566_656_122)))
        #expect(item.toolsAdded == ["string"])
    }
}
