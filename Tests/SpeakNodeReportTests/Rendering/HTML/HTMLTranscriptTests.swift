import Foundation
import Mustache
import Testing
@testable import SpeakNodeReport

@Suite("HTML transcript values")
struct HTMLTranscriptTests {
    /// One item for each way ``TranscriptLine`` tells a kind: by `kind`, and without one by the fields.
    static let items: [HistoryItem] = [
        HistoryItem(role: "user", content: "Hi", kind: "Message"),
        HistoryItem(role: "assistant", content: "Hello"),
        HistoryItem(content: "no role"),
        HistoryItem(),
        HistoryItem(kind: "FunctionCall"),
        HistoryItem(toolName: "book", toolArgumentsJSON: "{}"),
        HistoryItem(kind: "FunctionCallOutput", toolOutput: "ok", toolIsError: true),
        HistoryItem(toolName: "book", toolOutput: "{\"a\":1}"),
        HistoryItem(toolOutput: "bare"),
        HistoryItem(kind: "AgentHandoff"),
        HistoryItem(handoffToAgentID: "agent-2"),
        HistoryItem(kind: "AgentConfigUpdate"),
        HistoryItem(instructions: "be brief"),
        HistoryItem(toolsAdded: ["a", "b"]),
        HistoryItem(content: "x", kind: "Unknown"),
        HistoryItem(kind: "Unknown", toolName: "t", toolOutput: "o"),
        HistoryItem(role: "user", kind: "Message", toolName: "t"),
    ]

    @Test("A turn's kind is the transcript line's kind")
    func kindsAgree() {
        let lines = TranscriptLine.lines(of: Conversation(history: Self.items))
        for (item, line) in zip(Self.items, lines) {
            #expect(TurnKind(item).rawValue == line.kind, "\(item)")
        }
    }

    @Test("An item's side is its role's, whether the role is stored as a byte or as text")
    func sideOfItem() {
        let roles: [String?] = [nil, "User", "Assistant", "Tool", "System", "user", "AI", "Developer", "function", "", "other"]
        for role in roles {
            for kind in ["Message", "FunctionCall", "FunctionCallOutput", "AgentHandoff", "AgentConfigUpdate", "Unknown"] {
                let item = HistoryItem(role: role, content: "x", kind: kind)
                let turnKind = TurnKind(item)
                #expect(HTMLTranscript.side(of: item, kind: turnKind) == HTMLTranscript.side(of: role, kind: turnKind.rawValue))
            }
        }
        #expect(HTMLTranscript.side(of: HistoryItem(role: "Assistant", content: "x"), kind: .message) == "agent")
        #expect(HTMLTranscript.side(of: HistoryItem(role: "User", content: "x"), kind: .message) == "user")
        #expect(HTMLTranscript.side(of: HistoryItem(content: "x"), kind: .message) == "other")
    }

    @Test("A turn's values: kind flags, error, offset, and an unknown kind's line text")
    func turnValues() {
        let start = Date(timeIntervalSince1970: 1_000)
        var items = Self.items
        items[0].createdAt = start.addingTimeInterval(12.34)
        let turns = HTMLTranscript.turns(
            of: Conversation(startTime: start, history: items), slowTurnText: SlowTurnText(budget: .default))
        let lines = TranscriptLine.lines(of: Conversation(startTime: start, history: items))
        #expect(turns.count == items.count)
        for (turn, line) in zip(turns, lines) {
            guard case .computed(let object) = turn else {
                Issue.record("a turn is an object")
                continue
            }
            let value = Self.members(object)
            #expect(value["kind"] == .string(line.kind))
            #expect(value["offset"] == MustacheValue(line.offset))
            #expect(value["isError"] == .bool(line.isError))
            let flags = ["isMessage", "isToolCall", "isToolOutput", "isHandoff", "isConfigUpdate", "isOther"]
            #expect(flags.filter { value[$0] == true } == ["is" + line.kind.prefix(1).uppercased() + line.kind.dropFirst()])
            if line.kind == "other" { #expect(value["text"] == .string(line.text)) }
        }
        guard case .computed(let first) = turns[0] else { return }
        #expect(first.member("offset") == "00:12.3")
    }

    /// Every member a turn object has, by name; a text kept as bytes (``MustacheText``, which
    /// templates insert as they would the same string) as that string.
    static func members(_ object: AnyMustacheObject) -> [String: MustacheValue] {
        HTMLTurnObject.keys.keys.reduce(into: [:]) { members, key in
            let member = object.member(key)
            if case .text(let text)? = member {
                members[key] = .string(text.string)
            } else {
                members[key] = member
            }
        }
    }

    @Test("A turn object has the keys and values of the dictionary a turn was, and no others")
    func sameAsDictionary() {
        let start = Date(timeIntervalSince1970: 1_000)
        var items = Self.items
        let metrics = [
            TurnMetrics(e2eLatency: 2.2), TurnMetrics(llmNodeTTFT: 0.33, ttsNodeTTFB: 0.24, e2eLatency: 0.84),
            TurnMetrics(ttsNodeTTFB: 1.7), TurnMetrics(llmNodeTTFT: 1.2, e2eLatency: 0.5),
        ]
        for index in items.indices {
            items[index].metrics = metrics[index % metrics.count]
            if index % 3 != 0 { items[index].createdAt = start.addingTimeInterval(Double(index) * 7.25) }
            if index % 4 == 1 { items[index].interrupted = true }
            if index % 5 == 2 { items[index].role = ["Customer", " ", "tool", "bot", "x\u{301}"][index % 5] }
            if index % 6 == 3 { items[index].toolCallID = "call-\(index)" }
        }
        items.append(HistoryItem(role: "assistant", content: String(repeating: "é", count: TranscriptLine.maximumTextLength + 5)))
        var conversations = [Conversation(startTime: start, history: items), Conversation(history: items)]
        for run in HTMLFixture.rich().runs {
            for test in run.tests { conversations += test.attempts.map(\.conversation) }
        }
        for budget in [LatencyBudget.default, .none, LatencyBudget(limits: [.e2eLatency: 0.5, .ttsNodeTTFB: 1])] {
            let slowTurnText = SlowTurnText(budget: budget)
            for conversation in conversations {
                let turns = HTMLTranscript.turns(of: conversation, slowTurnText: slowTurnText)
                let start = conversation.startTime ?? conversation.history.lazy.compactMap(\.createdAt).first
                #expect(turns.count == conversation.history.count)
                for (turn, item) in zip(turns, conversation.history) {
                    guard case .computed(let object) = turn else {
                        Issue.record("a turn is an object")
                        continue
                    }
                    let offset = start.flatMap { start in item.createdAt.map { DurationText.offset($0.timeIntervalSince(start)) } }
                    #expect(Self.members(object) == Self.dictionary(item, offset: offset, slowTurnText: slowTurnText), "\(item)")
                    #expect(object.member("isSlow") == .bool(slowTurnText.text(for: item.metrics) != nil))
                    #expect(object.member("title") == nil)
                }
            }
        }
    }

    /// A turn as the dictionary ``HTMLTranscript`` made for it before turns were objects.
    static func dictionary(_ item: HistoryItem, offset: String?, slowTurnText: SlowTurnText) -> [String: MustacheValue] {
        let kind = TurnKind(item)
        var value: [String: MustacheValue] = [
            "kind": .string(kind.rawValue), "isMessage": .bool(kind == .message), "isToolCall": .bool(kind == .toolCall),
            "isToolOutput": .bool(kind == .toolOutput), "isHandoff": .bool(kind == .handoff),
            "isConfigUpdate": .bool(kind == .configUpdate), "isOther": .bool(kind == .other), "isError": false,
        ]
        value["offset"] = MustacheValue(offset)
        if kind == .toolOutput { value["isError"] = .bool(item.toolIsError == true) }
        value["isInterrupted"] = .bool(item.interrupted == true)
        func put(_ key: String, _ text: String?) { value[key] = MustacheValue(text) }
        let slowText = slowTurnText.text(for: item.metrics)
        value["isSlow"] = .bool(slowText != nil)
        put("slowText", slowText)
        let speaker = item.role.map(TranscriptLine.shortened)
        put("speaker", speaker ?? (kind == .message ? "Unknown speaker" : nil))
        value["side"] = .string(HTMLTranscript.side(of: item.role, kind: kind.rawValue))
        switch kind {
        case .message:
            put("text", TranscriptLine.shortened(item.content ?? ""))
            put("latency", LatencyText.text(item.metrics?.e2eLatency))
            let llm = LatencyText.text(item.metrics?.llmNodeTTFT).map { "LLM " + $0 }
            let tts = LatencyText.text(item.metrics?.ttsNodeTTFB).map { "TTS " + $0 }
            put("latencyDetails", [llm, tts].compactMap { $0 }.joined(separator: " · ").nilIfEmpty)
        case .toolCall:
            put("toolName", TranscriptLine.shortened(item.toolName ?? "?"))
            put("toolCallID", item.toolCallID.map(TranscriptLine.shortened))
            put("arguments", item.toolArgumentsJSON.map(JSONDisplayText.display))
        case .toolOutput:
            put("toolName", item.toolName.map(TranscriptLine.shortened))
            put("toolCallID", item.toolCallID.map(TranscriptLine.shortened))
            put("output", JSONDisplayText.display(item.toolOutput ?? item.content ?? ""))
        case .handoff:
            put("handoffTo", TranscriptLine.shortened(item.handoffToAgentID ?? "?"))
        case .configUpdate:
            put("instructions", item.instructions.map(TranscriptLine.shortened))
            put("toolsAdded", item.toolsAdded.isEmpty ? nil : TranscriptLine.shortened(item.toolsAdded.joined(separator: ", ")))
        case .other:
            let detail = item.content ?? item.toolOutput ?? item.toolName ?? ""
            put("text", "\(TranscriptLine.shortened(item.kind ?? "")): \(TranscriptLine.shortened(detail))")
        }
        return value
    }

    @Test("Slow turn text is the budget's overruns in words, in metric order")
    func slowTurnText() {
        let budgets = [
            LatencyBudget.default, .none,
            LatencyBudget(limits: [.e2eLatency: 1, .endOfTurnDelay: 0.25, .transcriptionDelay: 0.125]),
        ]
        let metrics = [
            TurnMetrics(),
            TurnMetrics(e2eLatency: 0.9),
            TurnMetrics(llmNodeTTFT: 1.2, ttsNodeTTFB: 0.5, e2eLatency: 2.2),
            TurnMetrics(transcriptionDelay: 0.3, endOfTurnDelay: 0.71, e2eLatency: .infinity),
            TurnMetrics(endOfTurnDelay: 0.7, e2eLatency: 1.5),
        ]
        for budget in budgets {
            let text = SlowTurnText(budget: budget)
            #expect(text.text(for: nil) == nil)
            for metrics in metrics {
                let overruns = budget.overruns(in: metrics).map { overrun in
                    "\(overrun.metric.title) \(LatencyText.text(overrun.value) ?? ""), over the \(LatencyText.text(overrun.budget) ?? "") budget"
                }
                #expect(text.text(for: metrics) == (overruns.isEmpty ? nil : overruns.joined(separator: "; ")))
            }
        }
        #expect(SlowTurnText(budget: .default).text(for: TurnMetrics(llmNodeTTFT: 1.2, e2eLatency: 2.2))
            == "End-to-end latency 2.20 s, over the 1.50 s budget; LLM time to first token 1.20 s, over the 1.00 s budget")
    }

    @Test("Latencies of a second or more print as DurationText rounds them, ties included")
    func latencyText() {
        var values: [Double] = [1, 1.005, 1.015, 1.125, 2.675, 9.995, 9.999, 99.995, 123.455, 0.9996, 999_999.995, 1e6, 1e7 + 0.125]
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<20_000 {
            values.append(Double.random(in: 1..<100, using: &generator))
            // Near ties: a whole number of thousandths ending in 5, nudged by a few ulps.
            let tie = Double(Int.random(in: 1_000...2_000_000, using: &generator) * 10 + 5) / 1000
            values.append(tie)
            values.append(tie.nextUp)
            values.append(tie.nextDown)
            // Just outside the window left to DurationText: a few millionths of a hundredth away.
            values.append(tie + 2e-8)
            values.append(tie - 2e-8)
        }
        for value in values {
            let expected = value < 1 ? "\(max(1, Int((value * 1000).rounded()))) ms" : DurationText.formatted(value, decimals: 2) + " s"
            #expect(LatencyText.text(value) == expected, "\(value)")
        }
        #expect(LatencyText.text(1.5) == "1.50 s")
        #expect(LatencyText.text(0.3304) == "330 ms")
        #expect(LatencyText.text(0) == nil)
    }

    @Test("The estimated size of a transcript counts each field up to its limit, plus markup")
    func estimatedSize() {
        let limit = TranscriptLine.maximumTextLength
        let long = String(repeating: "x", count: limit * 3)
        let conversation = Conversation(history: [
            HistoryItem(role: "user", content: "hello"),
            HistoryItem(content: long, toolName: "t", toolsAdded: [long, "ab"]),
        ])
        let first = 4 + 5
        let second = limit * 2 + 1 + limit + 2
        let expected = first + first / 10 + second + second / 10 + 2 * HTMLReportContext.markupPerTurn
        #expect(HTMLReportContext.estimatedSize(conversation) == expected)
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
