import Foundation

/// One transcript item as a readable line: `[00:12.3] User: text`,
/// `[00:15.0] Agent → tool book_slot({"day":"mon"})`, `tool output: …`, `handoff → agent X`,
/// `config update: …`.
struct TranscriptLine: Hashable {
    /// `00:12.3`, relative to the conversation's start; `nil` when the item has no time.
    var offset: String?
    /// The line without the offset.
    var text: String
    /// `message`, `toolCall`, `toolOutput`, `handoff`, `configUpdate` or `other`.
    var kind: String
    /// A tool output marked as an error.
    var isError: Bool

    /// The line as plain text, offset first.
    var line: String { offset.map { "[\($0)] \(text)" } ?? text }

    /// The longest piece of payload text a line shows; transcripts can be very long.
    static let maximumTextLength = 2000

    /// The lines of a conversation, with offsets from `start_time`, else the first item's time.
    static func lines(of conversation: Conversation) -> [TranscriptLine] {
        let start = conversation.startTime ?? conversation.history.lazy.compactMap(\.createdAt).first
        return conversation.history.map { item in
            var line = TranscriptLine(item)
            if let start, let time = item.createdAt {
                line.offset = DurationText.offset(time.timeIntervalSince(start))
            }
            return line
        }
    }

    private init(_ item: HistoryItem) {
        offset = nil
        isError = false
        let kind = item.kind ?? ""
        if kind == "FunctionCall" || (item.toolName != nil && item.toolOutput == nil && kind.isEmpty) {
            self.kind = "toolCall"
            let speaker = item.role.map(Self.shortened) ?? "Agent"
            let name = Self.shortened(item.toolName ?? "?")
            text = "\(speaker) → tool \(name)(\(Self.shortened(item.toolArgumentsJSON ?? "")))"
        } else if kind == "FunctionCallOutput" || (item.toolOutput != nil && kind.isEmpty) {
            self.kind = "toolOutput"
            isError = item.toolIsError ?? false
            let label = isError ? "tool error" : "tool output"
            let name = item.toolName.map { " (\(Self.shortened($0)))" } ?? ""
            text = "\(label)\(name): \(Self.shortened(item.toolOutput ?? item.content ?? ""))"
        } else if kind == "AgentHandoff" || (item.handoffToAgentID != nil && kind.isEmpty) {
            self.kind = "handoff"
            text = "handoff → agent \(Self.shortened(item.handoffToAgentID ?? "?"))"
        } else if kind == "AgentConfigUpdate" || ((item.instructions != nil || !item.toolsAdded.isEmpty) && kind.isEmpty) {
            self.kind = "configUpdate"
            var parts: [String] = []
            if let instructions = item.instructions { parts.append("instructions: \(Self.shortened(instructions))") }
            if !item.toolsAdded.isEmpty { parts.append("tools added: \(Self.shortened(item.toolsAdded.joined(separator: ", ")))") }
            text = "config update: " + (parts.isEmpty ? "(no details)" : parts.joined(separator: "; "))
        } else if kind == "Message" || kind.isEmpty {
            self.kind = "message"
            let speaker = Self.shortened(item.role ?? "?")
            let interrupted = item.interrupted == true ? " (interrupted)" : ""
            text = "\(speaker): \(Self.shortened(item.content ?? ""))\(interrupted)"
        } else {
            self.kind = "other"
            let detail = item.content ?? item.toolOutput ?? item.toolName ?? ""
            text = "\(Self.shortened(kind)): \(Self.shortened(detail))"
        }
    }

    static func shortened(_ text: String) -> String {
        // A character takes at least one byte, so short text needs no (linear) character count.
        guard text.utf8.count > maximumTextLength, text.count > maximumTextLength else { return text }
        return String(text.prefix(maximumTextLength)) + "… (\(text.count - maximumTextLength) more characters)"
    }
}
