#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What happened in conversations besides their latency: tool use, interruptions, handoffs
/// and how much was said. Signals of several conversations add up (see ``+(_:_:)``).
///
/// How items are recognised, since `kind` and `role` are open sets:
/// - A **turn** is a spoken message: `kind` `Message` (any case) — or no `kind` but some
///   `content` — whose `role` is not `System` or `Developer` (instructions are not spoken).
/// - A **tool call** is an item of `kind` `FunctionCall` / `ToolCall` (any case, `_` allowed),
///   or without a `kind` but with `tool_arguments_json`. A **tool error** is any item with
///   `tool_is_error` true.
/// - A **handoff** is an item of `kind` `AgentHandoff` or one with a `handoff_to_agent_id`.
/// - An **interruption** is a turn marked `interrupted`.
/// - **Talk time** adds up `stopped_speaking_at − started_speaking_at` of every turn that has
///   both (and does not end before it starts).
public struct ConversationSignals: Sendable, Hashable {
    public var turns = 0
    public var interruptions = 0
    public var handoffs = 0
    public var toolCalls = 0
    public var toolErrors = 0
    /// Names of the tools called (or whose results came back), sorted, each once.
    public var toolNames: [String] = []
    /// Seconds of speech; `nil` when no turn had both speaking times.
    public var talkTime: Double?

    public init() {}

    public init(
        turns: Int, interruptions: Int, handoffs: Int, toolCalls: Int, toolErrors: Int,
        toolNames: [String], talkTime: Double?
    ) {
        self.turns = turns
        self.interruptions = interruptions
        self.handoffs = handoffs
        self.toolCalls = toolCalls
        self.toolErrors = toolErrors
        self.toolNames = Set(toolNames).sorted()
        self.talkTime = talkTime
    }

    /// The signals of one transcript.
    public init(history: [HistoryItem]) {
        var names: Set<String> = []
        // Each item is read in place, a few plain fields at a time: a copy of it (`for item in
        // history`, or passing it whole to a function) retained and released each of its texts
        // and its box, which cost more than counting it.
        history.withUnsafeBufferPointer { items in
            for index in items.indices {
                let fields = items[index].signalFields
                let kind = fields.kind == .unusual ? Self.itemKind(items[index].kind) : ItemKind(fields.kind)
                let details = fields.hasActionDetails ? items[index].actionDetails : nil
                let isMessage = kind == .message || (kind == nil && fields.hasContent && details?.toolName == nil)
                if isMessage && Self.isSpoken(fields.role, unusualRole: fields.role == .unusual ? items[index].role : nil) {
                    turns += 1
                    if fields.interrupted == true { interruptions += 1 }
                    if let seconds = fields.speakingSeconds, seconds.isFinite, seconds >= 0 {
                        talkTime = (talkTime ?? 0) + seconds
                    }
                }
                if kind == .handoff || details?.handoffToAgentID?.isBlankText == false { handoffs += 1 }
                let isToolCall = kind == .toolCall || (kind == nil && details?.toolArgumentsJSON != nil)
                if isToolCall { toolCalls += 1 }
                guard let details else { continue }
                if details.toolIsError == true { toolErrors += 1 }
                if let name = details.toolName, !name.isBlankText,
                   isToolCall || details.toolOutput != nil || details.toolIsError != nil || details.toolCallID != nil {
                    names.insert(name)
                }
            }
        }
        toolNames = names.sorted()
    }

    /// Both conversations' signals together.
    public static func + (lhs: ConversationSignals, rhs: ConversationSignals) -> ConversationSignals {
        let talkTime: Double? = switch (lhs.talkTime, rhs.talkTime) {
        case (nil, nil): nil
        case let (l, r): (l ?? 0) + (r ?? 0)
        }
        return ConversationSignals(
            turns: lhs.turns + rhs.turns,
            interruptions: lhs.interruptions + rhs.interruptions,
            handoffs: lhs.handoffs + rhs.handoffs,
            toolCalls: lhs.toolCalls + rhs.toolCalls,
            toolErrors: lhs.toolErrors + rhs.toolErrors,
            toolNames: lhs.toolNames + rhs.toolNames,
            talkTime: talkTime
        )
    }

    public static func += (lhs: inout ConversationSignals, rhs: ConversationSignals) { lhs = lhs + rhs }

    /// `kind` lowercased without `_` and whitespace, so `FunctionCall`, `function_call` and
    /// `functioncall` match; `nil` when it is missing or blank.
    static func normalizedKind(_ kind: String?) -> String? {
        guard let kind = kind.nonBlankText else { return nil }
        guard kind.utf8.allSatisfy(UTF8.isASCII) else {
            return kind.lowercased().filter { $0 != "_" && !$0.isWhitespace }
        }
        // Every item has a kind, almost always ASCII: the same, byte by byte, without
        // building Characters or looking up Unicode properties.
        return String(unsafeUninitializedCapacity: kind.utf8.count) { normalized in
            var count = 0
            for byte in kind.utf8 where byte != UInt8(ascii: "_") && !String.isASCIIWhitespace(byte) {
                normalized[count] = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 0x20 : byte
                count += 1
            }
            return count
        }
    }

    /// The kinds of item the signals tell apart.
    enum ItemKind: Equatable {
        case message, toolCall, handoff, other

        /// The kind of an item that stores a documented kind (or none) as one byte, as
        /// ``itemKind(_:)`` tells it from the kind's text; `nil` for no kind. An `unusual` kind
        /// cannot be told from its byte: read its text with ``itemKind(_:)`` instead.
        init?(_ stored: HistoryItem.StoredKind) {
            switch stored {
            case .absent: return nil
            case .message: self = .message
            case .functionCall: self = .toolCall
            case .agentHandoff: self = .handoff
            case .functionCallOutput, .agentConfigUpdate, .unusual: self = .other
            }
        }
    }

    /// What `kind` says an item is, spelled as ``normalizedKind(_:)`` spells it; `nil` when
    /// it is missing or blank.
    ///
    /// Every item has a kind, almost always one SpeakNode documents, spelled as documented,
    /// which is matched whole. Any other ASCII kind is compared with each known spelling byte
    /// by byte, skipping what normalizing leaves out, instead of being normalized into a new
    /// string first.
    static func itemKind(_ kind: String?) -> ItemKind? {
        // The kinds SpeakNode documents, spelled as documented: what nearly every item has.
        switch kind {
        case nil: return nil
        case "Message": return .message
        case "FunctionCall": return .toolCall
        case "AgentHandoff": return .handoff
        case "FunctionCallOutput", "AgentConfigUpdate": return .other
        default: break
        }
        guard let kind = kind.nonBlankText else { return nil }
        guard kind.utf8.allSatisfy(UTF8.isASCII) else {
            return switch normalizedKind(kind) {
            case "message": .message
            case "functioncall", "toolcall": .toolCall
            case "agenthandoff": .handoff
            default: .other
            }
        }
        if isNormalizedASCII(kind, spelled: "message") { return .message }
        if isNormalizedASCII(kind, spelled: "functioncall") || isNormalizedASCII(kind, spelled: "toolcall") { return .toolCall }
        if isNormalizedASCII(kind, spelled: "agenthandoff") { return .handoff }
        return .other
    }

    /// Whether an ASCII `kind`, lowercased without `_` and whitespace, is `spelling`.
    private static func isNormalizedASCII(_ kind: String, spelled spelling: StaticString) -> Bool {
        spelling.withUTF8Buffer { spelling in
            var position = 0
            for byte in kind.utf8 where byte != UInt8(ascii: "_") && !String.isASCIIWhitespace(byte) {
                guard position < spelling.count, byte.lowercasedASCII == spelling[position] else { return false }
                position += 1
            }
            return position == spelling.count
        }
    }

    /// Roles whose messages are instructions, not speech.
    static let unspokenRoles: Set<String> = ["system", "developer"]

    /// Whether a message of a role is spoken: the role as an item stores it, and the role's
    /// text when it is `unusual` (no byte stands for it).
    private static func isSpoken(_ role: HistoryItem.StoredRole, unusualRole: String?) -> Bool {
        switch role {
        case .absent, .user, .assistant, .tool: true
        case .system: false
        case .unusual: unusualRole.map { !isUnspokenRole($0) } ?? true
        }
    }

    /// Whether `role`, lowercased, is one of ``unspokenRoles``. An ASCII role, as nearly all
    /// are, is compared byte by byte without building its lowercased copy and hashing it.
    static func isUnspokenRole(_ role: String) -> Bool {
        // The roles SpeakNode documents, spelled as documented: what nearly every item has.
        switch role {
        case "User", "Assistant", "Tool": return false
        case "System": return true
        default: break
        }
        guard role.utf8.allSatisfy(UTF8.isASCII) else { return unspokenRoles.contains(role.lowercased()) }
        return unspokenRoles.contains { unspoken in
            unspoken.utf8.count == role.utf8.count && zip(unspoken.utf8, role.utf8).allSatisfy { $0 == $1.lowercasedASCII }
        }
    }
}

extension UInt8 {
    /// An ASCII capital letter as its small letter; any other byte as it is.
    fileprivate var lowercasedASCII: UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self) ? self + 0x20 : self
    }
}
