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
            guard case .object(let value) = turn else {
                Issue.record("a turn is an object")
                continue
            }
            #expect(value["kind"] == .string(line.kind))
            #expect(value["offset"] == MustacheValue(line.offset))
            #expect(value["isError"] == .bool(line.isError))
            let flags = ["isMessage", "isToolCall", "isToolOutput", "isHandoff", "isConfigUpdate", "isOther"]
            #expect(flags.filter { value[$0] == true } == ["is" + line.kind.prefix(1).uppercased() + line.kind.dropFirst()])
            if line.kind == "other" { #expect(value["text"] == .string(line.text)) }
        }
        guard case .object(let first) = turns[0] else { return }
        #expect(first["offset"] == "00:12.3")
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
