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
        lines(of: conversation, last: conversation.history.count)
    }

    /// The last `count` lines of ``lines(of:)`` (all of them when there are fewer), without
    /// making the others: for a summary that shows where a long conversation ended.
    static func lines(of conversation: Conversation, last count: Int) -> [TranscriptLine] {
        let start = startOfOffsets(in: conversation)
        let history = conversation.history
        return history.indices.suffix(max(0, count)).map { index in
            var line = TranscriptLine(history[index])
            if let start, let time = history[index].createdAt {
                line.offset = DurationText.offset(time.timeIntervalSince(start))
            }
            return line
        }
    }

    /// Writes each line of a conversation as ``lines(of:)`` gives it (its `line`), one line
    /// each, without making a ``TranscriptLine`` or a string per line.
    static func write(_ conversation: Conversation, into lines: inout PlainTextLines) {
        let start = startOfOffsets(in: conversation)
        let history = conversation.history
        // Each item is read where it is: copying it out (as `for item in history` does) retains
        // and releases every text in it.
        for index in history.indices {
            lines.startLine()
            let seconds = start.flatMap { start in history[index].createdAt.map { $0.timeIntervalSince(start) } }
            guard TurnKind(history[index]) == .message, let speakerPrefix = history[index].storedRole.speakerPrefix else {
                if let seconds { lines.append(upTo: DurationText.maximumBracketedOffsetLength) { DurationText.writeBracketedOffset(seconds, into: &$0) } }
                _ = writeText(of: history[index], into: &lines)
                continue
            }
            writeMessage(
                offsetSeconds: seconds, speakerPrefix: speakerPrefix, content: history[index].storedContent,
                isInterrupted: history[index].interrupted == true, into: &lines)
        }
    }

    /// The most bytes of a ``HistoryItem/StoredRole/speakerPrefix``.
    private static let maximumSpeakerPrefixLength = 11

    /// Writes a message line (nearly every line) whose speaker is a documented role: its
    /// offset and `Speaker: ` in one piece (each piece appended on its own costs about a
    /// hundred instructions, however short), then the content from where the item stores it.
    ///
    /// Takes the few fields it writes rather than the item: the item is read in place, and a
    /// call that took it whole would copy it (retaining every text in it) for each line.
    private static func writeMessage(
        offsetSeconds: Double?, speakerPrefix: StaticString, content: HistoryItem.StoredContent?, isInterrupted: Bool,
        into lines: inout PlainTextLines
    ) {
        lines.append(upTo: DurationText.maximumBracketedOffsetLength + maximumSpeakerPrefixLength) { text in
            if let offsetSeconds { DurationText.writeBracketedOffset(offsetSeconds, into: &text) }
            text.append(speakerPrefix)
        }
        if let content {
            let appended = content.withUTF8 { bytes in
                guard bytes.count <= maximumTextLength else { return false }
                lines.append(validUTF8: bytes)
                return true
            }
            if !appended { lines.append(shortened(content.string)) }
        }
        if isInterrupted { lines.append(literal: " (interrupted)") }
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
            text.append(literal: " → tool ")
            text.append(shortened(item.toolName ?? "?"))
            text.append(literal: "(")
            text.append(shortened(item.toolArgumentsJSON ?? ""))
            text.append(literal: ")")
        case .toolOutput:
            let isError = item.toolIsError ?? false
            text.append(literal: isError ? "tool error" : "tool output")
            if let name = item.toolName {
                text.append(literal: " (")
                text.append(shortened(name))
                text.append(literal: ")")
            }
            text.append(literal: ": ")
            if let output = item.toolOutput { text.append(shortened(output)) } else { appendShortenedContent(of: item, to: &text) }
            return (kind.rawValue, isError)
        case .handoff:
            text.append(literal: "handoff → agent ")
            text.append(shortened(item.handoffToAgentID ?? "?"))
        case .configUpdate:
            var parts: [String] = []
            if let instructions = item.instructions { parts.append("instructions: \(shortened(instructions))") }
            if !item.toolsAdded.isEmpty { parts.append("tools added: \(shortened(item.toolsAdded.joined(separator: ", ")))") }
            text.append(literal: "config update: ")
            text.append(parts.isEmpty ? "(no details)" : parts.joined(separator: "; "))
        case .message:
            text.append(shortened(item.role ?? "?"))
            text.append(literal: ": ")
            appendShortenedContent(of: item, to: &text)
            if item.interrupted == true { text.append(literal: " (interrupted)") }
        case .other:
            text.append(shortened(item.kind ?? ""))
            text.append(literal: ": ")
            if item.hasContent {
                appendShortenedContent(of: item, to: &text)
            } else {
                text.append(shortened(item.toolOutput ?? item.toolName ?? ""))
            }
        }
        return (kind.rawValue, false)
    }

    /// Appends `shortened(item.content ?? "")`. A content of no more bytes than a line keeps
    /// characters is not cut, so it is appended from where the item stores it, without making
    /// a string of it.
    private static func appendShortenedContent(of item: HistoryItem, to text: inout some TextPieces) {
        let appended = item.withContentUTF8 { content in
            guard content.count <= maximumTextLength else { return false }
            text.append(validUTF8: content)
            return true
        }
        if appended == false { text.append(shortened(item.content ?? "")) }
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
    /// Appends a literal piece: ``PlainTextLines`` takes its bytes with no string made of them.
    mutating func append(literal: StaticString)
    /// Appends bytes the caller knows to be valid UTF-8 (a decoded payload text's).
    mutating func append(validUTF8 piece: UnsafeBufferPointer<UInt8>)
}

extension String: TextPieces {
    mutating func append(literal: StaticString) {
        append(literal.description)
    }

    mutating func append(validUTF8 piece: UnsafeBufferPointer<UInt8>) {
        append(String(alreadyValidatedUTF8: piece, isASCII: ASCIIBytes.isASCII(piece)))
    }
}

extension PlainTextLines: TextPieces {}

extension HistoryItem.StoredRole {
    /// How a transcript line of a message with this role starts after its offset (the speaker,
    /// `shortened(role ?? "?")`, and `: `), as a literal to write with no string made of it;
    /// `nil` for an unusual role, whose text the item keeps out of line.
    fileprivate var speakerPrefix: StaticString? {
        switch self {
        case .absent: "?: "
        case .user: "User: "
        case .assistant: "Assistant: "
        case .tool: "Tool: "
        case .system: "System: "
        case .unusual: nil
        }
    }
}
