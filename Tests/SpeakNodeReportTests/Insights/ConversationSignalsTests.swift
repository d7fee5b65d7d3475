import Testing
@testable import SpeakNodeReport

@Suite("Conversation signals")
struct ConversationSignalsTests {
    typealias F = InsightsFixture

    /// Three spoken turns (one interrupted), two tool calls (one failing, one with a lowercase
    /// kind), a handoff, and items that are none of these.
    var history: [HistoryItem] {
        [
            HistoryItem(role: "System", content: "You are a receptionist.", kind: "Message"),
            F.agent("Hello!", at: 1, speaking: 3, interrupted: true),
            F.user("I need to reschedule.", at: 5, speaking: 2.5),
            F.toolCall("find_slots", id: "c1"),
            F.toolOutput("find_slots", id: "c1", isError: false),
            F.toolCall("book", id: "c2", kind: "function_call"),
            F.toolOutput("book", id: "c2", isError: true),
            HistoryItem(role: "Assistant", kind: "AgentHandoff", handoffToAgentID: "scheduler"),
            HistoryItem(role: "System", kind: "AgentConfigUpdate", instructions: "Book.", toolsAdded: ["cancel"]),
            HistoryItem(role: "Assistant", content: "Booked.", kind: "Message"),
        ]
    }

    @Test("counts turns, interruptions, tool calls and errors, handoffs; sorts tool names; adds talk time")
    func counts() {
        let signals = ConversationSignals(history: history)
        #expect(signals.turns == 3)
        #expect(signals.interruptions == 1)
        #expect(signals.toolCalls == 2)
        #expect(signals.toolErrors == 1)
        #expect(signals.toolNames == ["book", "find_slots"])
        #expect(signals.handoffs == 1)
        #expect(signals.talkTime == 5.5)
    }

    @Test("talk time is left out when no turn has both speaking times")
    func noTalkTime() {
        #expect(ConversationSignals(history: []).talkTime == nil)
        #expect(ConversationSignals(history: [F.agent("no stop time", at: 1)]).talkTime == nil)
        #expect(ConversationSignals(history: []) == ConversationSignals())
    }

    @Test("signals add up; tool names stay sorted and unique; talk time adds what is known")
    func addition() {
        let first = ConversationSignals(history: history)
        let second = ConversationSignals(history: [F.toolCall("book", id: "c3"), F.toolCall("apply_coupon", id: "c4")])
        let sum = first + second
        #expect(sum.toolCalls == 4)
        #expect(sum.toolNames == ["apply_coupon", "book", "find_slots"])
        #expect(sum.turns == 3)
        #expect(sum.talkTime == 5.5)
        #expect((second + second).talkTime == nil)
    }

    @Test("a handoff is counted once whether it is recognised by kind or by target")
    func handoffs() {
        let signals = ConversationSignals(history: [
            HistoryItem(kind: "AgentHandoff"),
            HistoryItem(kind: "SomethingNew", handoffToAgentID: "billing"),
            HistoryItem(kind: "AgentHandoff", handoffToAgentID: "billing"),
        ])
        #expect(signals.handoffs == 3)
        #expect(signals.turns == 0)
    }

    @Test("kinds are matched ignoring case, `_` and whitespace, ASCII or not, as Unicode defines them")
    func kindNormalization() {
        let kinds = ["Function_Call", " tool call ", "\tMESSAGE\n", "Agent\u{00A0}Handoff", "Ｍessage", "message\u{301}", "_", " ", "\u{2003}", ""]
        for kind in kinds {
            let expected: String? = kind.allSatisfy(\.isWhitespace) ? nil : kind.lowercased().filter { $0 != "_" && !$0.isWhitespace }
            #expect(ConversationSignals.normalizedKind(kind) == expected, "\(kind.debugDescription)")
        }
        #expect(ConversationSignals.normalizedKind(nil) == nil)
        #expect(ConversationSignals.normalizedKind("Agent\u{00A0}Handoff") == "agenthandoff")
    }
}

@Suite("Item kinds and roles read without building strings")
struct ConversationSignalsKindTests {
    /// The kind as normalizing the text and comparing it tells.
    static func kindByNormalizing(_ kind: String?) -> ConversationSignals.ItemKind? {
        switch ConversationSignals.normalizedKind(kind) {
        case nil: nil
        case "message": .message
        case "functioncall", "toolcall": .toolCall
        case "agenthandoff": .handoff
        default: .other
        }
    }

    @Test("a kind is what its normalized spelling says, ASCII or not")
    func kinds() {
        let kinds: [String?] = [
            nil, "", " ", "Message", "message", "MESSAGE", " Mes_sage ", "Messages", "Messag", "messagee",
            "FunctionCall", "function_call", "Function Call", "functioncalloutput", "FunctionCallOutput", "ToolCall",
            "tool_call", "toolcal", "AgentHandoff", "agent_handoff", "Agent\u{00A0}Handoff", "AgentConfigUpdate",
            "Méssage", "\u{00A0}", "_", "__message__", "m", "Message\t\n", "TOOLCALL", "tool\u{2003}call",
        ]
        for kind in kinds {
            #expect(ConversationSignals.itemKind(kind) == Self.kindByNormalizing(kind), "\(kind.debugDescription)")
        }
    }

    @Test("system and developer roles, in any case, are not spoken; other roles are")
    func roles() {
        for role in ["System", "system", "SYSTEM", "Developer", "developer", "DeVeLoPeR", "User", "Assistant", "",
                     "systems", "syste", " system", "system ", "Système", "SYSTEM\u{0301}", "d\u{00E9}veloper", "Tool"] {
            #expect(ConversationSignals.isUnspokenRole(role) == ConversationSignals.unspokenRoles.contains(role.lowercased()),
                    "\(role.debugDescription)")
        }
    }
}

@Suite("Signals of items with unusual roles and kinds")
struct ConversationSignalsUnusualTests {
    @Test("unusual roles and kinds are read as text: lowercase system and developer roles are not spoken")
    func unusualRolesAndKinds() {
        let signals = ConversationSignals(history: [
            HistoryItem(role: "system", content: "Rules.", kind: "Message"),
            HistoryItem(role: "DEVELOPER", content: "Rules.", kind: "message"),
            HistoryItem(role: "narrator", content: "Once upon a time.", kind: "MESSAGE"),
            HistoryItem(role: "", content: "No role text."),
            HistoryItem(content: "No kind, no role."),
            HistoryItem(content: "A tool's text.", toolName: "book"),
            HistoryItem(kind: "tool_call", toolName: "cancel"),
            HistoryItem(toolName: "lookup", toolArgumentsJSON: "{}"),
            HistoryItem(kind: "agent handoff"),
            HistoryItem(role: "Tool", kind: "FunctionCallOutput", toolName: "book", toolIsError: true),
        ])
        #expect(signals.turns == 3)
        #expect(signals.toolCalls == 2)
        #expect(signals.toolErrors == 1)
        #expect(signals.handoffs == 1)
        #expect(signals.toolNames == ["book", "cancel", "lookup"])
    }
}
