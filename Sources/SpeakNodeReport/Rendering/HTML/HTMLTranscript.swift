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
    /// The turns of a conversation, in order.
    static func turns(of conversation: Conversation, budget: LatencyBudget) -> [MustacheValue] {
        zip(conversation.history, TranscriptLine.lines(of: conversation)).map { item, line in
            .object(turn(item, line: line, budget: budget))
        }
    }

    private static func turn(_ item: HistoryItem, line: TranscriptLine, budget: LatencyBudget) -> [String: MustacheValue] {
        let kind = line.kind
        // Room for every key a turn may get, so the dictionary is never grown.
        var value = [String: MustacheValue](minimumCapacity: 24)
        value["kind"] = .string(kind)
        value["isMessage"] = .bool(kind == "message")
        value["isToolCall"] = .bool(kind == "toolCall")
        value["isToolOutput"] = .bool(kind == "toolOutput")
        value["isHandoff"] = .bool(kind == "handoff")
        value["isConfigUpdate"] = .bool(kind == "configUpdate")
        value["isOther"] = .bool(kind == "other")
        value["offset"] = MustacheValue(line.offset)
        value["isError"] = .bool(line.isError)
        value["isInterrupted"] = .bool(item.interrupted == true)
        func put(_ key: String, _ text: String?) { value[key] = MustacheValue(text) }
        let overruns = item.metrics.map(budget.overruns(in:)) ?? []
        value["isSlow"] = .bool(!overruns.isEmpty)
        put("slowText", overruns.isEmpty ? nil : overruns.map { overrun in
            "\(overrun.metric.title) \(LatencyText.text(overrun.value) ?? ""), over the \(LatencyText.text(overrun.budget) ?? "") budget"
        }.joined(separator: "; "))
        let speaker = item.role.map(TranscriptLine.shortened)
        put("speaker", speaker ?? (kind == "message" ? "Unknown speaker" : nil))
        value["side"] = .string(side(of: item.role, kind: kind))
        switch kind {
        case "message":
            put("text", TranscriptLine.shortened(item.content ?? ""))
            let metrics = item.metrics
            put("latency", LatencyText.text(metrics?.e2eLatency))
            let details = [
                LatencyText.text(metrics?.llmNodeTTFT).map { "LLM \($0)" },
                LatencyText.text(metrics?.ttsNodeTTFB).map { "TTS \($0)" },
            ].compactMap { $0 }
            put("latencyDetails", details.isEmpty ? nil : details.joined(separator: " · "))
        case "toolCall":
            put("toolName", TranscriptLine.shortened(item.toolName ?? "?"))
            put("toolCallID", item.toolCallID.map(TranscriptLine.shortened))
            put("arguments", item.toolArgumentsJSON.map(JSONDisplayText.display))
        case "toolOutput":
            put("toolName", item.toolName.map(TranscriptLine.shortened))
            put("toolCallID", item.toolCallID.map(TranscriptLine.shortened))
            put("output", JSONDisplayText.display(item.toolOutput ?? item.content ?? ""))
        case "handoff":
            put("handoffTo", TranscriptLine.shortened(item.handoffToAgentID ?? "?"))
        case "configUpdate":
            put("instructions", item.instructions.map(TranscriptLine.shortened))
            put("toolsAdded", item.toolsAdded.isEmpty ? nil : TranscriptLine.shortened(item.toolsAdded.joined(separator: ", ")))
        default:
            put("text", line.text)
        }
        return value
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
