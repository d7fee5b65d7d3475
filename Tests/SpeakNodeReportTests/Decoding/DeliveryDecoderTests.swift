import Foundation
import Testing
@testable import SpeakNodeReport

@Suite("DeliveryDecoder")
struct DeliveryDecoderTests {
    private let source = SourceLocation(file: "deliveries.json")

    private func decode(_ text: String) throws -> Delivery {
        let value = try JSONParser().parse(Array(text.utf8))
        return try DeliveryDecoder().decode(value, source: source)
    }

    /// The reason the delivery is invalid, or `nil` when it decodes.
    private func failure(_ text: String) throws -> String? {
        let value = try JSONParser().parse(Array(text.utf8))
        do {
            _ = try DeliveryDecoder().decode(value, source: source)
            return nil
        } catch {
            return error.description
        }
    }

    private func date(_ text: String) -> Date? { TimestampParser.date(from: text) }

    @Test("maps every documented field")
    func documentedShape() throws {
        let delivery = try decode(#"""
        {"event":"ConversationComplete","data":{
          "session_id":"s1","agent_id":"a1","agent_name":"Agent","audio_url":"https://x/a.mp3",
          "audio_url_expires_at":"2019-08-24T14:15:22Z","created_at":"2019-08-24T14:15:22Z",
          "start_time":"2019-08-24T14:15:22Z","agent_joined_at":"2019-08-24T14:15:23Z","duration_seconds":12.5,
          "history":[{"role":"Assistant","content":"Hi","kind":"Message","id":"h1","created_at":"2019-08-24T14:15:22Z",
            "interrupted":true,"transcript_confidence":0.9,
            "metrics":{"started_speaking_at":"2019-08-24T14:15:22Z","stopped_speaking_at":1566656123,
              "transcription_delay":0.1,"end_of_turn_delay":0.2,"on_user_turn_completed_delay":0.3,
              "llm_node_ttft":0.4,"tts_node_ttfb":0.5,"e2e_latency":0.6},
            "tool_name":"lookup","tool_call_id":"c1","tool_arguments_json":"{}","tool_output":"ok",
            "tool_is_error":false,"handoff_to_agent_id":"a2","instructions":"Be brief","tools_added":["t1","t2"]}],
          "telecom_provider":"Twilio","from_number":"+1","to_number":"+2","campaign_item_id":"ci","campaign_id":"c",
          "campaign_name":"Camp","url_parameters":{"p":"v"},"test_run_id":"r1","test_id":"t1","test_status":"Completed",
          "test_eval_result":{"success":true,"reasons":["fine"],"completion_reason":"StepsExhausted"}}}
        """#)
        #expect(delivery.event == Delivery.conversationComplete)
        #expect(delivery.source == source)
        let conversation = try #require(delivery.conversation)
        #expect(conversation.sessionID == "s1")
        #expect(conversation.agentID == "a1")
        #expect(conversation.agentName == "Agent")
        #expect(conversation.audioURL == "https://x/a.mp3")
        #expect(conversation.audioURLExpiresAt == date("2019-08-24T14:15:22Z"))
        #expect(conversation.createdAt == date("2019-08-24T14:15:22Z"))
        #expect(conversation.startTime == date("2019-08-24T14:15:22Z"))
        #expect(conversation.agentJoinedAt == date("2019-08-24T14:15:23Z"))
        #expect(conversation.durationSeconds == 12.5)
        #expect(conversation.telecomProvider == "Twilio")
        #expect(conversation.fromNumber == "+1")
        #expect(conversation.toNumber == "+2")
        #expect(conversation.campaignItemID == "ci")
        #expect(conversation.campaignID == "c")
        #expect(conversation.campaignName == "Camp")
        #expect(conversation.urlParameters == ["p": "v"])
        #expect(conversation.testRunID == "r1")
        #expect(conversation.testID == "t1")
        #expect(conversation.testStatus == "Completed")
        #expect(conversation.evalResult == EvalResult(success: true, reasons: ["fine"], completionReason: "StepsExhausted"))

        let item = try #require(conversation.history.first)
        #expect(item == HistoryItem(
            role: "Assistant", content: "Hi", kind: "Message", id: "h1", createdAt: date("2019-08-24T14:15:22Z"),
            interrupted: true, transcriptConfidence: 0.9,
            metrics: TurnMetrics(
                startedSpeakingAt: date("2019-08-24T14:15:22Z"), stoppedSpeakingAt: date("2019-08-24T14:15:23Z"),
                transcriptionDelay: 0.1, endOfTurnDelay: 0.2, onUserTurnCompletedDelay: 0.3,
                llmNodeTTFT: 0.4, ttsNodeTTFB: 0.5, e2eLatency: 0.6),
            toolName: "lookup", toolCallID: "c1", toolArgumentsJSON: "{}", toolOutput: "ok", toolIsError: false,
            handoffToAgentID: "a2", instructions: "Be brief", toolsAdded: ["t1", "t2"]))
    }

    @Test("every field is optional and unknown fields are ignored")
    func lenientShape() throws {
        let empty = try decode("{}")
        #expect(empty.event == nil)
        #expect(empty.conversation == nil)

        let unknown = try decode(#"{"event":"X","extra":{"deep":[1,2]},"data":{"new_field":[{}],"history":[{"new":1}]}}"#)
        #expect(unknown.event == "X")
        #expect(unknown.conversation?.history == [HistoryItem()])
    }

    @Test("data without an event is kept")
    func dataWithoutEvent() throws {
        let delivery = try decode(#"{"data":{"test_id":"t"}}"#)
        #expect(delivery.event == nil)
        #expect(delivery.conversation?.testID == "t")
    }

    @Test("null anywhere means absent")
    func nullEverywhere() throws {
        let delivery = try decode(#"""
        {"event":null,"data":{"session_id":null,"created_at":null,"duration_seconds":null,"url_parameters":null,
         "history":[null,{"role":null,"content":null,"interrupted":null,"metrics":null,"tools_added":null},
                    {"metrics":{"e2e_latency":null,"started_speaking_at":null},"tools_added":["a",null]}],
         "test_eval_result":null,"test_status":null}}
        """#)
        #expect(delivery.event == nil)
        let conversation = try #require(delivery.conversation)
        #expect(conversation.sessionID == nil)
        #expect(conversation.createdAt == nil)
        #expect(conversation.urlParameters.isEmpty)
        #expect(conversation.evalResult == nil)
        #expect(conversation.history == [HistoryItem(), HistoryItem(toolsAdded: ["a"])])
        #expect(try decode(#"{"data":null}"#).conversation == nil)
        #expect(try decode(#"{"data":{"test_eval_result":{"success":null,"reasons":null}}}"#)
            .conversation?.evalResult == EvalResult())
    }

    @Test("unknown values of open sets are kept as they came")
    func unknownEnumStrings() throws {
        let delivery = try decode(#"""
        {"event":"ConversationStarted","data":{"telecom_provider":"Carrier Pigeon","test_status":"Exploded",
         "history":[{"role":"Narrator","kind":"Telepathy"}],"test_eval_result":{"completion_reason":"Bored"}}}
        """#)
        #expect(delivery.event == "ConversationStarted")
        #expect(delivery.conversation?.telecomProvider == "Carrier Pigeon")
        #expect(delivery.conversation?.testStatus == "Exploded")
        #expect(delivery.conversation?.history.first?.role == "Narrator")
        #expect(delivery.conversation?.history.first?.kind == "Telepathy")
        #expect(delivery.conversation?.evalResult?.completionReason == "Bored")
    }

    @Test("a metric of 0 is not measured")
    func zeroMetrics() throws {
        let delivery = try decode(#"""
        {"data":{"history":[{"metrics":{"transcription_delay":0,"end_of_turn_delay":0.0,"llm_node_ttft":0.7,
          "tts_node_ttfb":0,"e2e_latency":0,"on_user_turn_completed_delay":0}},
          {"metrics":{"e2e_latency":0,"llm_node_ttft":0}}],"duration_seconds":0}}
        """#)
        let history = try #require(delivery.conversation?.history)
        #expect(history[0].metrics == TurnMetrics(llmNodeTTFT: 0.7))
        #expect(history[1].metrics == nil)
        #expect(delivery.conversation?.durationSeconds == 0)
    }

    @Test("timestamps may be text in any ISO form or epoch seconds")
    func timestampForms() throws {
        let delivery = try decode(#"""
        {"data":{"created_at":"2019-08-24T14:15:22.5Z","start_time":"2019-08-24T16:15:22+0200",
          "agent_joined_at":1566656122.25,"audio_url_expires_at":"2019-08-24T14:15:22-00:00"}}
        """#)
        let conversation = try #require(delivery.conversation)
        #expect(conversation.createdAt?.timeIntervalSince1970 == 1_566_656_122.5)
        #expect(conversation.startTime?.timeIntervalSince1970 == 1_566_656_122)
        #expect(conversation.agentJoinedAt?.timeIntervalSince1970 == 1_566_656_122.25)
        #expect(conversation.audioURLExpiresAt?.timeIntervalSince1970 == 1_566_656_122)
    }

    @Test("harmless variations are tolerated")
    func tolerances() throws {
        let delivery = try decode(#"""
        {"data":{"history":[{"content":["line one",null,"line two"]}],
          "url_parameters":{"n":42,"x":1.5,"b":true,"s":"v","z":null},
          "test_eval_result":{"reasons":"only one"}}}
        """#)
        let conversation = try #require(delivery.conversation)
        #expect(conversation.history.first?.content == "line one\nline two")
        #expect(conversation.urlParameters == ["n": "42", "x": "1.5", "b": "true", "s": "v"])
        #expect(conversation.evalResult?.reasons == ["only one"])
    }

    @Test("a value of the wrong type makes the delivery invalid, naming its path", arguments: [
        (#"{"data":{"history":[{},{},{},{"metrics":{"e2e_latency":"0.5"}}]}}"#,
         "data.history[3].metrics.e2e_latency: expected a number, found a string"),
        (#"{"data":{"history":{}}}"#, "data.history: expected an array, found an object"),
        (#"{"data":{"history":[1]}}"#, "data.history[0]: expected an object, found a number"),
        (#"{"data":[]}"#, "data: expected an object, found an array"),
        (#"{"event":7}"#, "event: expected a string, found a number"),
        (#"{"data":{"session_id":12}}"#, "data.session_id: expected a string, found a number"),
        (#"{"data":{"test_eval_result":{"success":1}}}"#,
         "data.test_eval_result.success: expected a boolean, found a number"),
        (#"{"data":{"test_eval_result":{"success":"true"}}}"#,
         "data.test_eval_result.success: expected a boolean, found a string"),
        (#"{"data":{"test_eval_result":{"reasons":["a",{}]}}}"#,
         "data.test_eval_result.reasons[1]: expected a string, found an object"),
        (#"{"data":{"history":[{"tools_added":[true]}]}}"#,
         "data.history[0].tools_added[0]: expected a string, found a boolean"),
        (#"{"data":{"history":[{"content":{"text":"hi"}}]}}"#,
         "data.history[0].content: expected a string, found an object"),
        (#"{"data":{"url_parameters":{"p":[1]}}}"#, "data.url_parameters.p: expected a string, found an array"),
        (#"{"data":{"url_parameters":"a=b"}}"#, "data.url_parameters: expected an object, found a string"),
        (#"{"data":{"created_at":"last tuesday"}}"#, #"data.created_at: not a timestamp: "last tuesday""#),
        (#"{"data":{"history":[{"metrics":{"started_speaking_at":true}}]}}"#,
         "data.history[0].metrics.started_speaking_at: expected a timestamp (a string or a number), found a boolean"),
        (#"{"data":{"duration_seconds":"12"}}"#, "data.duration_seconds: expected a number, found a string"),
    ])
    func wrongTypes(_ text: String, _ expected: String) throws {
        #expect(try failure(text) == expected)
    }

    @Test("a top-level value that is not an object is invalid", arguments: [
        ("[]", "expected a delivery object, found an array"), ("null", "expected a delivery object, found null"),
        ("\"x\"", "expected a delivery object, found a string"), ("1", "expected a delivery object, found a number"),
    ])
    func topLevelNotObject(_ text: String, _ expected: String) throws {
        #expect(try failure(text) == expected)
    }

    @Test("untrusted text in reasons is shortened and escaped")
    func reasonQuotesSafely() throws {
        let long = String(repeating: "x", count: 100)
        let reason = try #require(try failure(#"{"data":{"created_at":"\#(long)"}}"#))
        #expect(reason.count < 80)
        #expect(try failure(#"{"data":{"created_at":"a\nb"}}"#) == #"data.created_at: not a timestamp: "a\u{a}b""#)
    }

    @Test("the last of duplicated fields wins, even over an earlier value of the wrong type")
    func duplicatedFields() throws {
        let delivery = try decode(#"{"data":{"session_id":1,"session_id":"s2"}}"#)
        #expect(delivery.conversation?.sessionID == "s2")
    }
}
