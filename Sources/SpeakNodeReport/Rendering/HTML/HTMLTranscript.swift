#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Mustache

/// A conversation as the HTML report shows it: one value per history item, with who spoke,
/// when, how long the caller waited for an agent turn, and tool calls with their arguments
/// and outputs laid out for reading.
///
/// Keys of each turn (all text untrusted, escaped by the template), see ``HTMLTurnObject``:
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
        // Each item is read where it is stored and copied once, into its turn (`map` would copy
        // it once more on the way).
        return conversation.history.withUnsafeBufferPointer { items in
            items.indices.map { index in
                let offset = start.flatMap { start in items[index].createdAt.map { DurationText.offset($0.timeIntervalSince(start)) } }
                return .computed(HTMLTurnObject(
                    item: items[index], offset: offset, slowText: slowTurnText.mustacheText(for: items[index].metrics)))
            }
        }
    }

    /// Which side of the conversation an item is on, for layout: ``side(of:kind:)`` of its
    /// role. A role the item stores as a byte (`User`, `Assistant`, `Tool`, `System`) is
    /// placed by it, with no lowercased copy of the role made for every turn.
    static func side(of item: borrowing HistoryItem, kind: TurnKind) -> String {
        switch kind {
        case .toolCall: return "agent"
        case .toolOutput: return "tool"
        case .handoff, .configUpdate: return "system"
        case .message, .other: break
        }
        switch item.storedRole {
        case .absent: return "other"
        case .user: return "user"
        case .assistant: return "agent"
        case .tool: return "tool"
        case .system: return "system"
        case .unusual: return side(of: item.role, kind: kind.rawValue)
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

/// One turn of an HTML transcript (the keys listed in ``HTMLTranscript``), each value worked out
/// when the template looks it up.
///
/// The turns are most of the HTML report, about twenty keys each, of which the template reads
/// those of the turn's kind: as a dictionary, every value was built and every key hashed into
/// a table of its own for every turn. The values the template reads twice (in a section's
/// condition and its body) and that take some work (the offset, the slow-turn text, a message's
/// latencies, a tool call's arguments) are worked out once, when the turn is made.
///
/// A turn has the keys of its kind only (a tool call has no `text`, a message no `toolName`):
/// a template that looks up another kind's key inside a turn finds an outer value, as it did.
struct HTMLTurnObject: MustacheObject {
    let item: HistoryItem
    let kind: TurnKind
    /// `00:12.3`, or `nil` when the conversation or the item has no time.
    let offset: String?
    /// What went over the latency budget (``SlowTurnText``), or `nil`.
    let slowText: MustacheText?
    /// A message's `latency` and `latencyDetails` (`.null` when not measured); a tool call's
    /// `arguments` (pretty-printed when JSON). `nil` (`.null`) for other kinds.
    let latency: String?
    let latencyDetails: MustacheValue
    let arguments: String?

    init(item: HistoryItem, offset: String?, slowText: MustacheText?) {
        let kind = TurnKind(item)
        self.kind = kind
        self.offset = offset
        self.slowText = slowText
        let metrics = kind == .message ? item.metrics : nil
        latency = LatencyText.text(metrics?.e2eLatency)
        latencyDetails = Self.latencyDetails(metrics)
        arguments = kind == .toolCall ? item.toolArgumentsJSON.map(JSONDisplayText.display) : nil
        // Last: an initializer owns its arguments, so the item can move in rather than be copied.
        self.item = item
    }

    enum Key: String, CaseIterable {
        // Every turn's.
        case kind, isMessage, isToolCall, isToolOutput, isHandoff, isConfigUpdate, isOther, isError
        case offset, isInterrupted, isSlow, slowText, speaker, side
        // Messages' (and `text` of other items).
        case text, latency, latencyDetails
        // Tool calls' and outputs'.
        case toolName, toolCallID, arguments, output
        case handoffTo
        case instructions, toolsAdded
    }

    /// Every key by name.
    static let keys = NameTable(Key.allCases.map { ($0.rawValue, $0) })

    func member(_ name: String) -> MustacheValue? {
        guard let key = Self.keys[name], has(key) else { return nil }
        return value(key)
    }

    /// Whether a turn of this kind has `key`.
    func has(_ key: Key) -> Bool {
        switch key {
        case .kind, .isMessage, .isToolCall, .isToolOutput, .isHandoff, .isConfigUpdate, .isOther, .isError,
             .offset, .isInterrupted, .isSlow, .slowText, .speaker, .side:
            return true
        case .text: return kind == .message || kind == .other
        case .latency, .latencyDetails: return kind == .message
        case .toolName, .toolCallID: return kind == .toolCall || kind == .toolOutput
        case .arguments: return kind == .toolCall
        case .output: return kind == .toolOutput
        case .handoffTo: return kind == .handoff
        case .instructions, .toolsAdded: return kind == .configUpdate
        }
    }

    /// The value of `key`, which the turn must have (``has(_:)``).
    func value(_ key: Key) -> MustacheValue {
        switch key {
        case .kind: return .string(kind.rawValue)
        case .isMessage: return .bool(kind == .message)
        case .isToolCall: return .bool(kind == .toolCall)
        case .isToolOutput: return .bool(kind == .toolOutput)
        case .isHandoff: return .bool(kind == .handoff)
        case .isConfigUpdate: return .bool(kind == .configUpdate)
        case .isOther: return .bool(kind == .other)
        // Only a tool output can be an error.
        case .isError: return .bool(kind == .toolOutput && item.toolIsError == true)
        case .offset: return MustacheValue(offset)
        case .isInterrupted: return .bool(item.interrupted == true)
        case .isSlow: return .bool(slowText != nil)
        case .slowText: return slowText.map(MustacheValue.text) ?? .null
        case .speaker: return MustacheValue(item.role.map(TranscriptLine.shortened) ?? (kind == .message ? "Unknown speaker" : nil))
        case .side: return .string(HTMLTranscript.side(of: item, kind: kind))
        case .text:
            if kind == .message { return .string(TranscriptLine.shortened(item.content ?? "")) }
            // Another item's text is the transcript line's: its own kind and what it carries.
            let detail = item.content ?? item.toolOutput ?? item.toolName ?? ""
            return .string(TranscriptLine.shortened(item.kind ?? "") + ": " + TranscriptLine.shortened(detail))
        case .latency: return MustacheValue(latency)
        case .latencyDetails: return latencyDetails
        case .toolName:
            return MustacheValue(kind == .toolCall ? TranscriptLine.shortened(item.toolName ?? "?") : item.toolName.map(TranscriptLine.shortened))
        case .toolCallID: return MustacheValue(item.toolCallID.map(TranscriptLine.shortened))
        case .arguments: return MustacheValue(arguments)
        case .output: return .string(JSONDisplayText.display(item.toolOutput ?? item.content ?? ""))
        case .handoffTo: return .string(TranscriptLine.shortened(item.handoffToAgentID ?? "?"))
        case .instructions: return MustacheValue(item.instructions.map(TranscriptLine.shortened))
        case .toolsAdded:
            return MustacheValue(item.toolsAdded.isEmpty ? nil : TranscriptLine.shortened(item.toolsAdded.joined(separator: ", ")))
        }
    }

    /// `LLM 330 ms · TTS 240 ms`, either part alone, or `.null` when neither was measured.
    private static func latencyDetails(_ metrics: TurnMetrics?) -> MustacheValue {
        let llm = LatencyText.text(metrics?.llmNodeTTFT)
        let tts = LatencyText.text(metrics?.ttsNodeTTFB)
        switch (llm, tts) {
        case let (llm?, tts?):
            // Written as bytes into one text sized for both (`LLM 1000 ms · TTS 1000 ms` is 26
            // bytes), which the template escapes as they are: a string would check them again.
            var text = MustacheText(capacity: 32)
            text.append("LLM " as StaticString)
            text.append(llm)
            text.append(" · TTS " as StaticString)
            text.append(tts)
            return .text(text)
        // Either alone fits in a string's inline bytes: no allocation.
        case let (llm?, nil): return .string("LLM " + llm)
        case let (nil, tts?): return .string("TTS " + tts)
        case (nil, nil): return .null
        }
    }
}
