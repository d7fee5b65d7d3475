import Foundation
import Testing
@testable import SpeakNodeReport

/// What the direct decoder does for memory: transcripts without spare capacity, and fields
/// read into the compact `HistoryItem` exactly as the general decoder reads them.
@Suite("Compact decoding")
struct CompactDecodingTests {
    private func directDelivery(_ text: String) throws -> Delivery {
        try #require(Array(text.utf8).withUnsafeBufferPointer { bytes in
            DirectDeliveryDecoder.delivery(in: bytes, source: SourceLocation(file: "in"), maximumDepth: 512)
        })
    }

    private func generalDelivery(_ text: String) throws -> Delivery {
        try DeliveryDecoder().decode(JSONParser().parse(Array(text.utf8)), source: SourceLocation(file: "in"))
    }

    @Test("a decoded transcript holds no more room than it needs")
    func historyWithoutSpareCapacity() throws {
        for count in [1, 2, 3, 5, 17, 33, 100] {
            let items = (0..<count).map { #"{"id":"item_\#($0)","role":"User","kind":"Message","content":"text \#($0)"}"# }
            let text = #"{"data":{"history":[\#(items.joined(separator: ","))]}}"#
            let history = try #require(try directDelivery(text).conversation?.history)
            #expect(history.count == count)
            #expect(history.capacity - history.count <= history.count / 8)
            #expect(history.map(\.content) == (0..<count).map { "text \($0)" })
        }
    }

    @Test("every field of an item, missing, null or 0, decodes the same directly and generally")
    func fieldsBothWays() throws {
        let text = #"""
        {"data":{"history":[
          {"role":"Assistant","content":"Hi","kind":"Message","id":"h1","created_at":"2019-08-24T14:15:22Z",
           "interrupted":true,"transcript_confidence":0,
           "metrics":{"started_speaking_at":"2019-08-24T14:15:22Z","stopped_speaking_at":1566656123,
             "transcription_delay":0.1,"end_of_turn_delay":0,"on_user_turn_completed_delay":null,
             "llm_node_ttft":0.4,"tts_node_ttfb":0.5}},
          {"kind":"FunctionCall","role":"Assistant","tool_name":"lookup","tool_call_id":"c1","tool_arguments_json":"{}"},
          {"kind":"FunctionCallOutput","role":"Tool","tool_output":"ok","tool_is_error":false,"metrics":{"e2e_latency":0}},
          {"kind":"AgentHandoff","handoff_to_agent_id":"a2","tool_name":null},
          {"kind":"AgentConfigUpdate","instructions":"Be brief","tools_added":["t1","t2"]},
          {"kind":"Func\u0074ionCallOutput","created_at":null,"transcript_confidence":null,"metrics":{}},
          {"kind":"SomethingNewAndRatherLong"}
        ]}}
        """#
        let direct = try #require(try directDelivery(text).conversation?.history)
        #expect(direct == (try generalDelivery(text).conversation?.history))
        #expect(direct.count == 7)
        #expect(direct[0].transcriptConfidence == 0)
        #expect(direct[0].metrics == TurnMetrics(
            startedSpeakingAt: TimestampParser.date(from: "2019-08-24T14:15:22Z"),
            stoppedSpeakingAt: Date(timeIntervalSince1970: 1566656123),
            transcriptionDelay: 0.1, llmNodeTTFT: 0.4, ttsNodeTTFB: 0.5))
        #expect(direct[1] == HistoryItem(role: "Assistant", kind: "FunctionCall", toolName: "lookup",
                                         toolCallID: "c1", toolArgumentsJSON: "{}"))
        #expect(direct[2] == HistoryItem(role: "Tool", kind: "FunctionCallOutput", toolOutput: "ok", toolIsError: false))
        #expect(direct[3] == HistoryItem(kind: "AgentHandoff", handoffToAgentID: "a2"))
        #expect(direct[4] == HistoryItem(kind: "AgentConfigUpdate", instructions: "Be brief", toolsAdded: ["t1", "t2"]))
        #expect(direct[5] == HistoryItem(kind: "FunctionCallOutput"))
        #expect(direct[6].kind == "SomethingNewAndRatherLong")
    }

    @Test("roles and kinds, documented, escaped, unusual or null, decode as the items their texts make")
    func rolesAndKinds() throws {
        let names: [(json: String, text: String?)] = [
            (#""User""#, "User"), (#""Assistant""#, "Assistant"), (#""Tool""#, "Tool"), (#""System""#, "System"),
            (#""Message""#, "Message"), (#""AgentHandoff""#, "AgentHandoff"), (#""Us\u0065r""#, "User"),
            (#""Narrator""#, "Narrator"), (#""user""#, "user"), (#""""#, ""), ("null", nil),
        ]
        var items: [String] = [], expected: [HistoryItem] = []
        for role in names {
            for kind in names {
                items.append(#"{"role":\#(role.json),"kind":\#(kind.json),"content":"x"}"#)
                expected.append(HistoryItem(role: role.text, content: "x", kind: kind.text))
            }
        }
        let text = #"{"data":{"history":[\#(items.joined(separator: ","))]}}"#
        let direct = try #require(try directDelivery(text).conversation?.history)
        #expect(direct == expected)
        #expect(direct.map(\.hashValue) == expected.map(\.hashValue))
        #expect(direct.map(\.role) == expected.map(\.role))
        #expect(direct.map(\.kind) == expected.map(\.kind))
        #expect(direct == (try generalDelivery(text).conversation?.history))
    }
}
