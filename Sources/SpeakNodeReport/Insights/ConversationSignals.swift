import Foundation

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
        for item in history {
            let kind = Self.normalizedKind(item.kind)
            if Self.isSpokenTurn(item, kind: kind) {
                turns += 1
                if item.interrupted == true { interruptions += 1 }
                if let started = item.metrics?.startedSpeakingAt, let stopped = item.metrics?.stoppedSpeakingAt {
                    let seconds = stopped.timeIntervalSince(started)
                    if seconds.isFinite, seconds >= 0 { talkTime = (talkTime ?? 0) + seconds }
                }
            }
            if kind == "agenthandoff" || item.handoffToAgentID?.isBlankText == false { handoffs += 1 }
            let isToolCall = kind == "functioncall" || kind == "toolcall"
                || (kind == nil && item.toolArgumentsJSON != nil)
            if isToolCall { toolCalls += 1 }
            if item.toolIsError == true { toolErrors += 1 }
            if let name = item.toolName, !name.isBlankText,
               isToolCall || item.toolOutput != nil || item.toolIsError != nil || item.toolCallID != nil {
                names.insert(name)
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

    /// `kind` lowercased without `_`, so `FunctionCall`, `function_call` and `functioncall` match.
    static func normalizedKind(_ kind: String?) -> String? {
        guard let kind = kind.nonBlankText else { return nil }
        return kind.lowercased().filter { $0 != "_" && !$0.isWhitespace }
    }

    /// Roles whose messages are instructions, not speech.
    static let unspokenRoles: Set<String> = ["system", "developer"]

    static func isSpokenTurn(_ item: HistoryItem, kind: String?) -> Bool {
        let isMessage = kind == "message" || (kind == nil && item.content != nil && item.toolName == nil)
        guard isMessage else { return false }
        guard let role = item.role else { return true }
        return !unspokenRoles.contains(role.lowercased())
    }
}
