import Foundation
import Mustache

/// A conversation as the HTML report shows it: one value per history item, with who spoke,
/// when, how long the caller waited for an agent turn, and tool calls with their arguments
/// and outputs laid out for reading.
///
/// Keys of each turn (all text untrusted, escaped by the template):
/// `kind` (`message`, `toolCall`, `toolOutput`, `handoff`, `configUpdate`, `other`) with one
/// `is…` boolean per kind; `side` (`user`, `agent`, `system`, `tool`, `other`, a CSS class);
/// `speaker`; `offset` (`00:12.3` or null); `text`; `isInterrupted`; `latency` (`e2e_latency`,
/// `840 ms`, or null when not measured) and `latencyDetails` (`LLM 330 ms · TTS 240 ms`);
/// `isSlow` and `slowText` (`End-to-end latency 2.20 s, over the 1.50 s budget`) when a metric
/// of the turn went over the latency budget;
/// `toolName`, `toolCallID`, `arguments`, `output` (pretty-printed when JSON), `isError`;
/// `handoffTo`; `instructions`, `toolsAdded`.
enum HTMLTranscript {
    /// The turns of a conversation, in order. `slowTurnText` is made once per report.
    static func turns(of conversation: Conversation, slowTurnText: SlowTurnText) -> [MustacheValue] {
        // Offsets count from `start_time`, else the first item's time, as in ``TranscriptLine``.
        let start = conversation.startTime ?? conversation.history.lazy.compactMap(\.createdAt).first
        return conversation.history.map { item in
            let offset = start.flatMap { start in item.createdAt.map { DurationText.offset($0.timeIntervalSince(start)) } }
            return .object(turn(item, offset: offset, slowTurnText: slowTurnText))
        }
    }

    private static func turn(_ item: HistoryItem, offset: String?, slowTurnText: SlowTurnText) -> [String: MustacheValue] {
        let kind = TurnKind(item)
        var value = kindKeys[kind] ?? [:]
        value["offset"] = MustacheValue(offset)
        if kind == .toolOutput { value["isError"] = .bool(item.toolIsError == true) }
        value["isInterrupted"] = .bool(item.interrupted == true)
        func put(_ key: String, _ text: String?) { value[key] = MustacheValue(text) }
        let slowText = slowTurnText.text(for: item.metrics)
        value["isSlow"] = .bool(slowText != nil)
        put("slowText", slowText)
        let speaker = item.role.map(TranscriptLine.shortened)
        put("speaker", speaker ?? (kind == .message ? "Unknown speaker" : nil))
        value["side"] = .string(side(of: item.role, kind: kind.rawValue))
        switch kind {
        case .message:
            put("text", TranscriptLine.shortened(item.content ?? ""))
            let metrics = item.metrics
            put("latency", LatencyText.text(metrics?.e2eLatency))
            put("latencyDetails", latencyDetails(metrics))
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
            // The transcript line's text: the item's own kind and what it carries.
            let detail = item.content ?? item.toolOutput ?? item.toolName ?? ""
            put("text", "\(TranscriptLine.shortened(item.kind ?? "")): \(TranscriptLine.shortened(detail))")
        }
        return value
    }

    /// The keys every turn of a kind has with the same values: `kind`, the `is…` flags, and
    /// `isError` (only a tool output can be one). Made once, so a turn starts as a copy of its
    /// kind's and the hashing of these keys is not repeated for every turn; each has room for
    /// every key a turn may get, so a turn's dictionary is never grown.
    private static let kindKeys: [TurnKind: [String: MustacheValue]] = Dictionary(
        uniqueKeysWithValues: TurnKind.allCases.map { kind in
            var keys = [String: MustacheValue](minimumCapacity: 24)
            keys["kind"] = .string(kind.rawValue)
            keys["isMessage"] = .bool(kind == .message)
            keys["isToolCall"] = .bool(kind == .toolCall)
            keys["isToolOutput"] = .bool(kind == .toolOutput)
            keys["isHandoff"] = .bool(kind == .handoff)
            keys["isConfigUpdate"] = .bool(kind == .configUpdate)
            keys["isOther"] = .bool(kind == .other)
            keys["isError"] = false
            return (kind, keys)
        })

    /// `LLM 330 ms · TTS 240 ms`, either part alone, or `nil` when neither was measured.
    private static func latencyDetails(_ metrics: TurnMetrics?) -> String? {
        let llm = LatencyText.text(metrics?.llmNodeTTFT).map { "LLM " + $0 }
        let tts = LatencyText.text(metrics?.ttsNodeTTFB).map { "TTS " + $0 }
        switch (llm, tts) {
        case let (llm?, tts?): return llm + " · " + tts
        case let (llm?, nil): return llm
        case let (nil, tts?): return tts
        case (nil, nil): return nil
        }
    }

    /// Which side of the conversation a role is on, for layout: the simulated caller, the
    /// agent, the system prompt, a tool, or something else. Roles are an open set.
    static func side(of role: String?, kind: String) -> String {
        switch kind {
        case "toolCall": return "agent"
        case "toolOutput": return "tool"
        case "handoff", "configUpdate": return "system"
        default: break
        }
        switch role?.lowercased() {
        case "user", "caller", "human", "customer": return "user"
        case "assistant", "agent", "ai", "bot": return "agent"
        case "system", "developer": return "system"
        case "tool", "function": return "tool"
        default: return "other"
        }
    }
}
