import Foundation
import Testing
@testable import SpeakNodeReport

/// The direct decoder is only a faster way to the same result: every input must decode to
/// the same deliveries and problems with it as through the `JSONValue` tree.
@Suite("Direct delivery decoding")
struct DirectDecodingTests {
    // MARK: Helpers

    private static let direct = DeliveryContentsDecoder()
    private static let general: DeliveryContentsDecoder = {
        var decoder = DeliveryContentsDecoder()
        decoder.usesDirectDecoding = false
        return decoder
    }()

    /// Decodes `bytes` both ways, expecting the same batch, and returns it.
    @discardableResult
    private func decodeBothWays(_ bytes: [UInt8], format: InputFormat, sourceLocation: Testing.SourceLocation = #_sourceLocation)
        -> InputBatch {
        let fast = Self.direct.decode(bytes, file: "in", format: format)
        let slow = Self.general.decode(bytes, file: "in", format: format)
        #expect(fast == slow, "\(String(decoding: bytes, as: UTF8.self).debugDescription)", sourceLocation: sourceLocation)
        return fast
    }

    @discardableResult
    private func decodeBothWays(_ text: String, format: InputFormat = .json,
                                sourceLocation: Testing.SourceLocation = #_sourceLocation) -> InputBatch {
        decodeBothWays(Array(text.utf8), format: format, sourceLocation: sourceLocation)
    }

    /// Whether the direct decoder reads `text` itself rather than handing it to the general path.
    private func isReadDirectly(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { bytes in
            DirectDeliveryDecoder.delivery(in: bytes, source: .init(file: "in"), maximumDepth: 512) != nil
        }
    }

    /// A delivery using every field the direct decoder knows, compact.
    private static let fullDelivery = #"""
    {"event":"ConversationComplete","data":{"session_id":"s-1","agent_id":"a","agent_name":"Agent <b>","audio_url":"https://x.example/a.ogg?x=1&y=2","audio_url_expires_at":"2026-12-01T13:31:10Z","created_at":"2026-11-24T13:31:10.904Z","start_time":"2026-11-24T13:30:01.5+01:00","agent_joined_at":1795000000.25,"duration_seconds":68.9,"history":[{"role":"Assistant","content":"Hi \"there\" \u00e9\ud83d\ude00\n","kind":"Message","id":"i1","created_at":"2026-11-24T13:30:02.250Z","interrupted":false,"transcript_confidence":0.95,"metrics":{"started_speaking_at":"2026-11-24T13:30:02.250Z","stopped_speaking_at":"2026-11-24 13:30:05","transcription_delay":0.17,"end_of_turn_delay":0,"on_user_turn_completed_delay":null,"llm_node_ttft":0.33,"tts_node_ttfb":2.4e-1,"e2e_latency":-0.0}},null,{"kind":"FunctionCall","tool_name":"lock","tool_call_id":"c1","tool_arguments_json":"{\"a\":1}","unknown":[1,{"b":[true,false,null]}]},{"kind":"FunctionCallOutput","tool_output":["line 1","line 2",null],"tool_is_error":true},{"kind":"AgentHandoff","handoff_to_agent_id":"other"},{"kind":"AgentConfigUpdate","instructions":"be nice","tools_added":"one"},{"kind":"AgentConfigUpdate","tools_added":["a",null,"b"],"metrics":{"e2e_latency":0}},{}],"telecom_provider":"Twilio","from_number":"+1","to_number":"+2","campaign_item_id":"ci","campaign_id":"c","campaign_name":"Nightly","url_parameters":{"p":"v","n":3,"f":1.5,"b":true,"z":null},"test_run_id":"run","test_id":"test","test_status":"Completed","test_eval_result":{"success":true,"reasons":["ok","fine"],"completion_reason":"StepsExhausted"},"extra":{"nested":[[[]]]}},"other":"x"}
    """#

    /// `fullDelivery` with `value` in place of the `PLACE` marker of `template`.
    private static func delivery(_ template: String, _ value: String) -> String {
        template.replacingOccurrences(of: "PLACE", with: value)
    }

    // MARK: Well-formed deliveries

    @Test("a delivery using every field is read directly, to the same result")
    func fullDeliveryIsReadDirectly() throws {
        #expect(isReadDirectly(Self.fullDelivery))
        let batch = decodeBothWays(Self.fullDelivery)
        let conversation = try #require(batch.deliveries.first?.conversation)
        #expect(conversation.history.count == 7)
        #expect(conversation.urlParameters == ["p": "v", "n": "3", "f": "1.5", "b": "true"])
        #expect(conversation.history[0].metrics?.endOfTurnDelay == nil)
        #expect(conversation.history[2].toolOutput == "line 1\nline 2")
    }

    @Test("keys read at the very end of the input, with fewer than eight bytes after them, are still recognized")
    func keysAtTheEndOfTheInput() throws {
        // The last key's name is read byte by byte: no eight bytes follow its start.
        #expect(isReadDirectly(#"{"data":null,"event":"E","id":1}"#))
        #expect(isReadDirectly(#"{"data":{"history":[{"id":"x"}]},"event":""}"#))
        let batch = decodeBothWays(#"{"event":"E","data":{"history":[{"kind":"Message","role":"User"}]}}"#)
        #expect(batch.deliveries.first?.event == "E")
        #expect(batch.deliveries.first?.conversation?.history.first?.role == "User")
        // A known key written twice still goes the general way, wherever it is.
        #expect(!isReadDirectly(#"{"data":null,"data":null}"#))
        decodeBothWays(#"{"event":"a","event":"b"}"#)
    }

    @Test("keys in any order, keys that begin like a known one and escaped known keys read as the general path reads them")
    func keysOutOfTheExpectedOrder() throws {
        // Each key is first compared with the one that usually comes next; these are not it.
        let item = #"{"kind":"Message","content":"hi","role":"User","id":"i","idx":"no","created_at2":1,"rol\u0065":"Agent","created_at":"2026-11-24T13:30:02Z"}"#
        let delivery = #"{"data":{"history":[ITEM,{"metrics":{"e2e_latency":1.5,"started_speaking_at":"2026-11-24T13:30:02Z","llm_node_ttft":0.5}}],"session_id":"s"},"event":"E"}"#
            .replacingOccurrences(of: "ITEM", with: item)
        let batch = decodeBothWays(delivery)
        let history = try #require(batch.deliveries.first?.conversation?.history)
        // The general path keeps the last of a key written twice.
        #expect(history.first?.role == "Agent" && history.first?.id == "i")
        #expect(history.last?.metrics?.e2eLatency == 1.5 && history.last?.metrics?.llmNodeTTFT == 0.5)
        // The escaped `role` is the same key written twice: the general path decides.
        #expect(!isReadDirectly(delivery))
        let plain = delivery.replacingOccurrences(of: #","rol\u0065":"Agent""#, with: "")
        #expect(isReadDirectly(plain))
        #expect(decodeBothWays(plain).deliveries.first?.conversation?.history.first?.role == "User")
        // A name cut off by the end of the input.
        decodeBothWays(#"{"data":{"history":[{"id"#)
        decodeBothWays(#"{"event":"E","data":{"session_id"#)
    }

    @Test("timestamps read in place end at their own quote, whatever follows them")
    func timestampsReadInPlace() throws {
        // A quote 24 bytes after a 20-byte timestamp's start belongs to the next key.
        let shortThenKey = #"{"data":{"history":[{"created_at":"2026-11-18T11:06:51Z","x":1,"id":"i"}]}}"#
        #expect(isReadDirectly(shortThenKey))
        let item = try #require(decodeBothWays(shortThenKey).deliveries.first?.conversation?.history.first)
        #expect(item.createdAt == TimestampParser.date(from: "2026-11-18T11:06:51Z") && item.id == "i")
        // Texts of the same lengths that are not SpeakNode's form take the general reading.
        for text in ["2026-11-18 11:06:51Z", "2026-11-18T11:06:51.123+01", #"2026-11-18T11:06:5\u0031Z"#,
                     #"2026-11-18T11:06:51.12\"Z"#, "2026-11-18T11:06:51.1234Z", "2026-11-18T11:06:5xZ"] {
            decodeBothWays(#"{"data":{"start_time":"TEXT","history":[{"metrics":{"started_speaking_at":"TEXT"}}]}}"#
                .replacingOccurrences(of: "TEXT", with: text))
        }
    }

    @Test("item kinds, known or not, escaped or not, read as the general path reads them")
    func kindsComparedInPlace() throws {
        let kinds = [#""Message""#, #""Messages""#, #""Messag\u0065""#, #""FunctionCallOutput""#, #""FunctionCall""#,
                     #""AgentHandoff""#, #""Custom""#, #""""#, "null"]
        let history = kinds.map { #"{"kind":\#($0),"id":"i"}"# }.joined(separator: ",")
        let batch = decodeBothWays(#"{"data":{"history":[\#(history)]}}"#)
        let read = try #require(batch.deliveries.first?.conversation?.history).map(\.kind)
        #expect(read == ["Message", "Messages", "Message", "FunctionCallOutput", "FunctionCall", "AgentHandoff", "Custom", "", nil])
    }

    @Test("pretty-printed input, arrays of deliveries and NDJSON decode the same both ways")
    func layouts() throws {
        let pretty = try Self.prettyPrinted(Self.fullDelivery)
        #expect(isReadDirectly(pretty))
        decodeBothWays(pretty)
        decodeBothWays("\u{FEFF}" + pretty)
        let array = "[\n" + [Self.fullDelivery, pretty, "{}", Self.fullDelivery].joined(separator: ",\n") + "\n]"
        let batch = decodeBothWays(array)
        let prettyLines = pretty.components(separatedBy: "\n").count
        #expect(batch.deliveries.map(\.source.line) == [2, 3, prettyLines + 3, prettyLines + 4])
        decodeBothWays("[]")
        decodeBothWays(" [ \n ] ")
        let lines = [Self.fullDelivery, "", "{\"data\":null}", Self.fullDelivery, "\u{FEFF}{}", "[]"].joined(separator: "\n")
        #expect(decodeBothWays(lines, format: .ndjson).deliveries.count == 4)
        decodeBothWays(lines, format: .detected)
    }

    @Test("large top-level arrays are split and decoded concurrently, to the same result")
    func largeArrays() throws {
        var concurrent = DeliveryContentsDecoder(concurrencyThreshold: 0)
        concurrent.usesDirectDecoding = true
        let pretty = try Self.prettyPrinted(Self.fullDelivery)
        let tricky = #"{"data":{"session_id":"s]}{\"[,","history":[{"content":"}]\\"}]}}"#
        let documents = [
            "[\n" + Array(repeating: Self.fullDelivery, count: 40).joined(separator: ",\n") + "\n]\n",
            "\u{FEFF}[" + [pretty, tricky, pretty, "{}"].joined(separator: " , ") + "]",
            "[" + tricky + "]", "[]", " [ ] ", "[" + tricky + ",]", "[" + tricky + "] x", "[" + tricky + ",null]",
            "[" + tricky + "," + #"{"data":{"session_id":1}}"# + "]", "[" + tricky, "[" + tricky + " " + tricky + "]",
            "[" + #"{"data":{"duration_seconds":1e999}}"# + "," + tricky + "]",
        ]
        for document in documents {
            let bytes = Array(document.utf8)
            let fast = concurrent.decode(bytes, file: "in", format: .json)
            #expect(fast == Self.general.decode(bytes, file: "in", format: .json), "\(document.prefix(60))")
        }
        let big = Array(documents[0].utf8)
        let split = big.withUnsafeBufferPointer { TopLevelArraySplitter.elements(in: $0, from: 0) }
        #expect(split?.count == 40)
        let trickySplit = Array(documents[1].utf8).withUnsafeBufferPointer { TopLevelArraySplitter.elements(in: $0, from: 3) }
        #expect(trickySplit?.count == 4)
        #expect(concurrent.decode(big, file: "in", format: .json).deliveries.map(\.source.line) == Array(2...41))
    }

    @Test("reasons and tools added, in every shape, read directly to the same result", arguments: [
        "null", #""one""#, "[]", " [ ] ", "[null]", #"["a",null,"b"]"#, #"[ "a" , "b\n" ]"#,
    ])
    func stringArrays(_ value: String) throws {
        for text in [#"{"data":{"test_eval_result":{"reasons":\#(value)}}}"#,
                     #"{"data":{"history":[{"kind":"AgentConfigUpdate","tools_added":\#(value)}]}}"#] {
            #expect(isReadDirectly(text), "\(text)")
            decodeBothWays(text)
        }
    }

    @Test("reasons and tools added that are not arrays of strings go the general way", arguments: [
        "[1]", #"["a",]"#, "[,]", #"["a" "b"]"#, "[[]]", "{}", "true", #"["a""#,
    ])
    func irregularStringArrays(_ value: String) throws {
        for text in [#"{"data":{"test_eval_result":{"reasons":\#(value)}}}"#,
                     #"{"data":{"history":[{"kind":"AgentConfigUpdate","tools_added":\#(value)}]}}"#] {
            #expect(!isReadDirectly(text), "\(text)")
            #expect(!decodeBothWays(text).problems.isEmpty)
        }
    }

    @Test("the delivery files in Examples decode the same both ways",
          .enabled(if: FileManager.default.fileExists(atPath: Self.examplesFolder), "Examples/deliveries is missing"))
    func examples() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.examplesFolder).filter { $0.hasSuffix(".json") }
        #expect(!names.isEmpty)
        for name in names {
            let bytes = try FileReading.readFile(atPath: Self.examplesFolder + "/" + name)
            #expect(!decodeBothWays(bytes, format: .json).deliveries.isEmpty)
        }
    }

    // MARK: Irregular input goes the general way, to the same result

    @Test("a value of the wrong type anywhere gives the general path's error", arguments: [
        #"{"event":1}"#, #"{"data":[]}"#, #"{"data":{"session_id":1}}"#, #"{"data":{"history":{}}}"#,
        #"{"data":{"history":[1]}}"#, #"{"data":{"history":[{"metrics":[]}]}}"#,
        #"{"data":{"history":[{"metrics":{"e2e_latency":"1"}}]}}"#, #"{"data":{"history":[{"interrupted":"yes"}]}}"#,
        #"{"data":{"history":[{"content":5}]}}"#, #"{"data":{"history":[{"content":["a",1]}]}}"#,
        #"{"data":{"history":[{"tools_added":{}}]}}"#, #"{"data":{"created_at":"yesterday"}}"#,
        #"{"data":{"created_at":true}}"#, #"{"data":{"created_at":"2026-13-01"}}"#,
        #"{"data":{"test_eval_result":{"success":"true"}}}"#, #"{"data":{"test_eval_result":{"reasons":[[]]}}}"#,
        #"{"data":{"url_parameters":{"a":[]}}}"#, #"{"data":{"url_parameters":[]}}"#, #"{"data":{"duration_seconds":"1"}}"#,
        #"[{"data":{"session_id":"a"}},{"data":{"session_id":1}},"x",null,{"data":{"session_id":"d"}}]"#,
        #"[{"data":{"duration_seconds":1e999}},{"data":{"session_id":"b"}}]"#, "5", "null", "[1,2]",
    ])
    func wrongTypes(_ text: String) {
        #expect(!isReadDirectly(text) || !text.hasPrefix("{\"data\":{\"session_id\":1"))
        let batch = decodeBothWays(text)
        #expect(!batch.problems.isEmpty)
        decodeBothWays(text.replacingOccurrences(of: "\n", with: " ") + "\n" + Self.fullDelivery, format: .ndjson)
    }

    @Test("keys written twice resolve as the general path resolves them", arguments: [
        #"{"data":{"session_id":"a","session_id":"b"}}"#, #"{"data":{"session_id":5,"session_id":"b"}}"#,
        #"{"data":{"session_id":"a"},"data":{"test_id":"t"}}"#, #"{"data":{"url_parameters":{"k":"a","k":null}}}"#,
        #"{"data":{"history":[{"role":"User","role":null}]}}"#, #"{"event":"X","data":null,"event":"ConversationComplete"}"#,
        #"{"data":{"history":[{"metrics":{"e2e_latency":1,"e2e_latency":0}}]}}"#,
        #"{"data":{"test_eval_result":{"success":1,"success":false}}}"#, #"{"x":1,"x":[1]}"#,
    ])
    func duplicateKeys(_ text: String) {
        decodeBothWays(text)
        decodeBothWays(text + "\n" + text, format: .ndjson)
    }

    @Test("escaped keys and escaped timestamps are read as the general path reads them")
    func escapes() {
        decodeBothWays(#"{"d\u0061ta":{"session_id":"a"}}"#)
        decodeBothWays(#"{"data":{"session\u005fid":"a","session_id":"b"}}"#)
        decodeBothWays(#"{"data":{"created_at":"2026-11-24T13:30:02\u002e250Z"}}"#)
        decodeBothWays(#"{"data":{"created_at":"2026-11-24T13:30:02\u002e2x0Z"}}"#)
        decodeBothWays(#"{"data":{"created_at":"\ud800"}}"#)
        decodeBothWays(#"{"data":{"session_id":"\ud800 lone \udc00 surrogates"}}"#)
    }

    // MARK: JSONTestSuite-style values in every kind of place

    /// Places in a delivery where a value goes: an unknown member, a string, a number, a
    /// timestamp, text, url parameters, a nested unknown member, a reason.
    private static let places = [
        #"{"x":PLACE,"data":{"session_id":"s"}}"#,
        #"{"data":{"session_id":PLACE}}"#,
        #"{"data":{"duration_seconds":PLACE}}"#,
        #"{"data":{"start_time":PLACE}}"#,
        #"{"data":{"history":[{"content":PLACE},{"metrics":{"e2e_latency":PLACE}}]}}"#,
        #"{"data":{"url_parameters":{"a":PLACE}}}"#,
        #"{"data":{"history":[{"kind":"Message","unknown":{"deeper":PLACE}}]}}"#,
        #"{"data":{"test_eval_result":{"reasons":[PLACE]}}}"#,
        #"[{"data":{"session_id":"a"}},PLACE]"#,
    ]

    @Test("values JSON accepts decode the same both ways wherever they appear", arguments: [
        "{}", "[]", "[[]]", "null", "true", "false", "0", "-0", "1", "-1", "1.5", "1e3", "1E+3", "1e-3",
        "-0.0e0", "123456789012345678901234567890", "\"\"", "\"a\"", " [1 , 2 ] ", "\t\n\r {\"a\" : [ ] }\n",
        "[\"\\u0000\"]", "[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"]", "{\"a\":{\"b\":{\"c\":[1,{\"d\":null}]}}}",
        "[1e22, 1e23, 5e-324, 1.7976931348623157e308]", "[\"€𝄞\"]", "\"\u{7F}\"", "\"2026-11-24T13:30:02Z\"",
        "1795000000.5", "\"\\ud83d\\ude00\"", "\"\\uDFFF\"", "{\"a\":1,\"a\":2}", "\"<script>{{x}}</script>\"",
    ])
    func acceptedValues(_ value: String) {
        for place in Self.places {
            decodeBothWays(Self.delivery(place, value))
            decodeBothWays(Self.delivery(place, value).replacingOccurrences(of: "\n", with: " "), format: .ndjson)
        }
    }

    @Test("values JSON rejects are rejected the same way wherever they appear", arguments: [
        "", " ", "[1,]", "{\"a\":1,}", "[,1]", "[1 2]", "{\"a\" 1}", "{a:1}", "{'a':1}", "['a']",
        "01", "-01", "00", "1.", ".5", "+1", "1e", "1e+", "-", "--1", "0x10", "NaN", "-NaN", "Infinity",
        "-Infinity", "1 // comment", "/* c */ 1", "tru", "nul", "True", "\"abc", "\"\\x\"",
        "\"\\u12\"", "\"\\u12G4\"", "\"a\tb\"", "\"a\nb\"", "\"\u{1F}\"", "[", "{", "[1", "{\"a\":",
        "{\"a\"}", "\"a\" \"b\"", "{\"a\":1 \"b\":2}", "[\u{00A0}1]", "1e999", "-1e400",
    ])
    func rejectedValues(_ value: String) {
        for place in Self.places {
            let batch = decodeBothWays(Self.delivery(place, value))
            // Nothing at all inside `[…]` is an empty array, which is fine.
            let isEmptyArray = place.contains("[PLACE]") && value.allSatisfy(\.isWhitespace)
            #expect(batch.problems.isEmpty == isEmptyArray)
            decodeBothWays(Self.delivery(place, value).replacingOccurrences(of: "\n", with: " "), format: .ndjson)
        }
    }

    @Test("invalid UTF-8 and nesting beyond the limit are rejected the same way")
    func bytesAndDepth() {
        for bad: [UInt8] in [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0x80]] {
            for place in [#"{"data":{"session_id":"PLACE"}}"#, #"{"PLACE":1}"#, #"{"data":{"start_time":"PLACE"}}"#] {
                let parts = place.components(separatedBy: "PLACE")
                decodeBothWays(Array(parts[0].utf8) + bad + Array(parts[1].utf8), format: .json)
            }
        }
        for depth in [500, 505, 506, 507, 508, 509, 510, 511, 512, 513, 600] {
            let nested = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            decodeBothWays(#"{"data":{"history":[{"x":"# + nested + "}]}}")
            decodeBothWays("[" + #"{"data":{"history":[{"x":"# + nested + "}]}}" + "]")
        }
    }

    // MARK: Mutations

    @Test("thousands of corrupted deliveries decode the same both ways")
    func mutations() {
        var random = SeededGenerator(seed: 42)
        let original = Array(Self.fullDelivery.utf8)
        let alphabet = Array("{}[],:\"\\ \n0123456789.-+eEtrufalsn\u{7F}".utf8) + [0x00, 0x1F, 0xC3, 0xA9, 0xFF]
        for _ in 0..<3000 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let index = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: bytes.remove(at: index)
                case 1: bytes.insert(alphabet.randomElement(using: &random) ?? 0, at: index)
                case 2: bytes[index] = alphabet.randomElement(using: &random) ?? 0
                default:
                    let end = min(bytes.count, index + Int.random(in: 1...40, using: &random))
                    bytes.insert(contentsOf: bytes[index..<end], at: index)
                }
            }
            decodeBothWays(bytes, format: .json)
            decodeBothWays(bytes + [0x0A] + original, format: .ndjson)
        }
    }

    // MARK: Fixtures

    private static var examplesFolder: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Examples/deliveries").path
    }

    private static func prettyPrinted(_ text: String) throws -> String {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}
