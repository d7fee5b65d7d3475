#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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
        let start = startOfOffsets(in: conversation)
        return conversation.history.map { item in
            var line = TranscriptLine(item)
            if let start, let time = item.createdAt {
                line.offset = DurationText.offset(time.timeIntervalSince(start))
            }
            return line
        }
    }

    /// Writes each line of a conversation as ``lines(of:)`` gives it (its `line`), one line
    /// each, without making a ``TranscriptLine`` or a string per line.
    static func write(_ conversation: Conversation, into lines: inout PlainTextLines) {
        let start = startOfOffsets(in: conversation)
        for item in conversation.history {
            lines.startLine()
            if let start, let time = item.createdAt {
                lines.append("[")
                lines.append(DurationText.offset(time.timeIntervalSince(start)))
                lines.append("] ")
            }
            _ = writeText(of: item, into: &lines)
        }
    }

    private static func startOfOffsets(in conversation: Conversation) -> Date? {
        conversation.startTime ?? conversation.history.lazy.compactMap(\.createdAt).first
    }

    private init(_ item: HistoryItem) {
        offset = nil
        // One line's few pieces go straight into a string: making bytes into a string checks them again.
        var text = ""
        (kind, isError) = Self.writeText(of: item, into: &text)
        self.text = text
    }

    /// Appends the line's text for `item` (without the offset) to `text` (the current line of
    /// ``PlainTextLines``); returns the line's `kind` and whether it is a tool error.
    private static func writeText(of item: HistoryItem, into text: inout some TextPieces) -> (kind: String, isError: Bool) {
        let kind = TurnKind(item)
        switch kind {
        case .toolCall:
            text.append(item.role.map(shortened) ?? "Agent")
            text.append(" → tool ")
            text.append(shortened(item.toolName ?? "?"))
            text.append("(")
            text.append(shortened(item.toolArgumentsJSON ?? ""))
            text.append(")")
        case .toolOutput:
            let isError = item.toolIsError ?? false
            text.append(isError ? "tool error" : "tool output")
            if let name = item.toolName {
                text.append(" (")
                text.append(shortened(name))
                text.append(")")
            }
            text.append(": ")
            text.append(shortened(item.toolOutput ?? item.content ?? ""))
            return (kind.rawValue, isError)
        case .handoff:
            text.append("handoff → agent ")
            text.append(shortened(item.handoffToAgentID ?? "?"))
        case .configUpdate:
            var parts: [String] = []
            if let instructions = item.instructions { parts.append("instructions: \(shortened(instructions))") }
            if !item.toolsAdded.isEmpty { parts.append("tools added: \(shortened(item.toolsAdded.joined(separator: ", ")))") }
            text.append("config update: ")
            text.append(parts.isEmpty ? "(no details)" : parts.joined(separator: "; "))
        case .message:
            text.append(shortened(item.role ?? "?"))
            text.append(": ")
            text.append(shortened(item.content ?? ""))
            if item.interrupted == true { text.append(" (interrupted)") }
        case .other:
            text.append(shortened(item.kind ?? ""))
            text.append(": ")
            text.append(shortened(item.content ?? item.toolOutput ?? item.toolName ?? ""))
        }
        return (kind.rawValue, false)
    }

    static func shortened(_ text: String) -> String {
        // Counted to its end only when it is cut.
        guard let kept = text.characterPrefix(ifLongerThan: maximumTextLength) else { return text }
        return String(kept) + "… (\(text.count - maximumTextLength) more characters)"
    }
}

/// Text written piece by piece: a `String`, or the current line of ``PlainTextLines``.
protocol TextPieces {
    mutating func append(_ piece: String)
}

extension String: TextPieces {}
extension PlainTextLines: TextPieces {}
