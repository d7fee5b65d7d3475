import Foundation
import Testing
@testable import SpeakNodeReport

/// `HistoryItem` and `TurnMetrics` store their fields compactly (presence bits, an out-of-line
/// box for tool fields); to their users they must behave exactly like plain optional fields.
@Suite("Compact history items")
struct CompactHistoryItemTests {
    private static let start = Date(timeIntervalSinceReferenceDate: 785_000_000.25)

    private static let fullMetrics = TurnMetrics(
        startedSpeakingAt: start, stoppedSpeakingAt: start.addingTimeInterval(2.5),
        transcriptionDelay: 0.1, endOfTurnDelay: 0.2, onUserTurnCompletedDelay: 0.3,
        llmNodeTTFT: 0.4, ttsNodeTTFB: 0.5, e2eLatency: 0.6)

    private static let fullItem = HistoryItem(
        role: "Assistant", content: "Hello", kind: "FunctionCallOutput", id: "item_1",
        createdAt: start, interrupted: true, transcriptConfidence: 0.9, metrics: fullMetrics,
        toolName: "lookup", toolCallID: "c1", toolArgumentsJSON: "{}", toolOutput: "ok", toolIsError: false,
        handoffToAgentID: "a2", instructions: "Be brief", toolsAdded: ["t1", "t2"])

    /// Every way a field of an item can differ from the same field of `fullItem`.
    private static let singleChanges: [(String, @Sendable (inout HistoryItem) -> Void)] = [
        ("role", { $0.role = nil }), ("role User", { $0.role = "User" }), ("role unusual", { $0.role = "assistant" }),
        ("kind unusual", { $0.kind = "Note" }), ("content", { $0.content = "Bye" }), ("kind", { $0.kind = "Message" }),
        ("id", { $0.id = nil }), ("createdAt", { $0.createdAt = nil }),
        ("createdAt value", { $0.createdAt = start.addingTimeInterval(1) }),
        ("interrupted", { $0.interrupted = false }), ("transcriptConfidence", { $0.transcriptConfidence = nil }),
        ("transcriptConfidence 0", { $0.transcriptConfidence = 0 }),
        ("metrics", { $0.metrics = nil }), ("a metric", { $0.metrics?.e2eLatency = nil }),
        ("a metric 0", { $0.metrics?.llmNodeTTFT = 0 }),
        ("toolName", { $0.toolName = nil }), ("toolCallID", { $0.toolCallID = "c2" }),
        ("toolArgumentsJSON", { $0.toolArgumentsJSON = nil }), ("toolOutput", { $0.toolOutput = "" }),
        ("toolIsError", { $0.toolIsError = nil }), ("handoffToAgentID", { $0.handoffToAgentID = nil }),
        ("instructions", { $0.instructions = nil }), ("toolsAdded", { $0.toolsAdded = [] }),
    ]

    @Test("every field reads back what was stored")
    func roundTrip() {
        let item = Self.fullItem
        #expect(item.role == "Assistant")
        #expect(item.content == "Hello")
        #expect(item.kind == "FunctionCallOutput")
        #expect(item.id == "item_1")
        #expect(item.createdAt == Self.start)
        #expect(item.interrupted == true)
        #expect(item.transcriptConfidence == 0.9)
        #expect(item.metrics == Self.fullMetrics)
        #expect(item.toolName == "lookup")
        #expect(item.toolCallID == "c1")
        #expect(item.toolArgumentsJSON == "{}")
        #expect(item.toolOutput == "ok")
        #expect(item.toolIsError == false)
        #expect(item.handoffToAgentID == "a2")
        #expect(item.instructions == "Be brief")
        #expect(item.toolsAdded == ["t1", "t2"])

        let metrics = Self.fullMetrics
        #expect(metrics.startedSpeakingAt == Self.start)
        #expect(metrics.stoppedSpeakingAt == Self.start.addingTimeInterval(2.5))
        #expect(metrics.transcriptionDelay == 0.1)
        #expect(metrics.endOfTurnDelay == 0.2)
        #expect(metrics.onUserTurnCompletedDelay == 0.3)
        #expect(metrics.llmNodeTTFT == 0.4)
        #expect(metrics.ttsNodeTTFB == 0.5)
        #expect(metrics.e2eLatency == 0.6)
    }

    @Test("missing fields read as nil, and 0 or a date at the reference date is a value, not a missing one")
    func missingAndZero() {
        let empty = HistoryItem()
        #expect(empty.createdAt == nil && empty.transcriptConfidence == nil && empty.metrics == nil)
        #expect(empty.toolName == nil && empty.toolIsError == nil && empty.toolsAdded.isEmpty)
        let metrics = TurnMetrics()
        #expect([metrics.transcriptionDelay, metrics.endOfTurnDelay, metrics.onUserTurnCompletedDelay,
                 metrics.llmNodeTTFT, metrics.ttsNodeTTFB, metrics.e2eLatency].allSatisfy { $0 == nil })
        #expect(metrics.startedSpeakingAt == nil && metrics.stoppedSpeakingAt == nil)

        let zero = HistoryItem(createdAt: Date(timeIntervalSinceReferenceDate: 0), transcriptConfidence: 0,
                               metrics: TurnMetrics(startedSpeakingAt: Date(timeIntervalSinceReferenceDate: 0), e2eLatency: 0))
        #expect(zero.createdAt == Date(timeIntervalSinceReferenceDate: 0))
        #expect(zero.transcriptConfidence == 0)
        #expect(zero.metrics?.e2eLatency == 0)
        #expect(zero.metrics?.startedSpeakingAt == Date(timeIntervalSinceReferenceDate: 0))
        #expect(zero != HistoryItem())
        #expect(TurnMetrics(e2eLatency: 0) != TurnMetrics())
    }

    @Test("a field set and cleared again leaves a value equal to one that never had it")
    func clearedEqualsNeverSet() {
        var item = HistoryItem(role: "User")
        item.toolName = "lookup"
        item.toolsAdded = ["x"]
        item.createdAt = Self.start
        item.transcriptConfidence = 0.5
        item.metrics = TurnMetrics(e2eLatency: 1)
        item.metrics?.e2eLatency = nil
        item.toolName = nil
        item.toolsAdded = []
        item.createdAt = nil
        item.transcriptConfidence = nil
        #expect(item.metrics == TurnMetrics())
        item.metrics = nil
        #expect(item == HistoryItem(role: "User"))
        #expect(item.hashValue == HistoryItem(role: "User").hashValue)
    }

    @Test("items equal field by field are equal, with equal hashes, however they were made")
    func equality() {
        var built = HistoryItem()
        built.role = "Assistant"; built.content = "Hello"; built.kind = "FunctionCallOutput"; built.id = "item_1"
        built.createdAt = Self.start; built.interrupted = true; built.transcriptConfidence = 0.9
        built.metrics = TurnMetrics()
        built.metrics?.startedSpeakingAt = Self.start
        built.metrics?.stoppedSpeakingAt = Self.start.addingTimeInterval(2.5)
        built.metrics?.transcriptionDelay = 0.1; built.metrics?.endOfTurnDelay = 0.2
        built.metrics?.onUserTurnCompletedDelay = 0.3; built.metrics?.llmNodeTTFT = 0.4
        built.metrics?.ttsNodeTTFB = 0.5; built.metrics?.e2eLatency = 0.6
        built.toolName = "lookup"; built.toolCallID = "c1"; built.toolArgumentsJSON = "{}"; built.toolOutput = "ok"
        built.toolIsError = false; built.handoffToAgentID = "a2"; built.instructions = "Be brief"
        built.toolsAdded = ["t1", "t2"]
        #expect(built == Self.fullItem)
        #expect(built.hashValue == Self.fullItem.hashValue)
        #expect(Set([built, Self.fullItem]).count == 1)
        // -0 and 0 are equal doubles, so equal measurements, as they were as optionals.
        #expect(TurnMetrics(e2eLatency: -0.0) == TurnMetrics(e2eLatency: 0))
        #expect(TurnMetrics(e2eLatency: -0.0).hashValue == TurnMetrics(e2eLatency: 0).hashValue)
    }

    @Test("items differing in any one field are not equal")
    func inequality() {
        for (name, change) in Self.singleChanges {
            var changed = Self.fullItem
            change(&changed)
            #expect(changed != Self.fullItem, "\(name)")
        }
    }

    @Test("an item with any one tool, handoff or configuration field keeps it")
    func singleActionField() {
        let items = [
            HistoryItem(toolName: "n"), HistoryItem(toolCallID: "c"), HistoryItem(toolArgumentsJSON: "{}"),
            HistoryItem(toolOutput: ""), HistoryItem(toolIsError: false), HistoryItem(handoffToAgentID: "a"),
            HistoryItem(instructions: "i"), HistoryItem(toolsAdded: ["t"]),
        ]
        for item in items {
            #expect(item != HistoryItem())
        }
        #expect(Set(items).count == items.count)
    }

    @Test("a change to a copy leaves the original as it was")
    func valueSemantics() {
        for (name, change) in Self.singleChanges {
            let original = Self.fullItem
            var copy = original
            change(&copy)
            #expect(original == Self.fullItem, "\(name)")
            #expect(original.toolName == "lookup" && original.toolsAdded == ["t1", "t2"], "\(name)")
            #expect(original.metrics == Self.fullMetrics, "\(name)")
        }
        // A spoken message has no box of tool fields; giving a copy one leaves the message without.
        let message = HistoryItem(role: "User", content: "Hi", kind: "Message")
        var withTool = message
        withTool.toolOutput = "ok"
        #expect(message.toolOutput == nil)
        #expect(withTool.toolOutput == "ok")
        // Two copies sharing one box change apart.
        var first = Self.fullItem
        var second = first
        first.toolName = "first"
        second.toolName = "second"
        #expect(first.toolName == "first" && second.toolName == "second" && Self.fullItem.toolName == "lookup")
        #expect(first.toolCallID == "c1" && second.toolCallID == "c1")
    }

    @Test("documented and unusual roles and kinds read back exactly, whatever else the item holds")
    func rolesAndKinds() {
        let roles: [String?] = [nil, "User", "Assistant", "Tool", "System", "user", "", "Agent 🤖", "A much longer role than any documented one"]
        let kinds: [String?] = [nil, "Message", "FunctionCall", "FunctionCallOutput", "AgentHandoff", "AgentConfigUpdate",
                                "message", "", "SomethingNew"]
        for role in roles {
            for kind in kinds {
                let item = HistoryItem(role: role, kind: kind)
                #expect(item.role == role && item.kind == kind)
                var withTool = item
                withTool.toolName = "lookup"
                #expect(withTool.role == role && withTool.kind == kind && withTool.toolName == "lookup")
                withTool.toolName = nil
                #expect(withTool == item && withTool.hashValue == item.hashValue)
            }
        }
        // Tool fields set all at once (as the decoders do) keep an unusual role and kind.
        var item = HistoryItem(role: "Narrator", kind: "Aside")
        item.actionDetails = HistoryItem.ActionDetails(toolName: "n")
        #expect(item.role == "Narrator" && item.kind == "Aside" && item.toolName == "n")
        item.actionDetails = HistoryItem.ActionDetails()
        #expect(item == HistoryItem(role: "Narrator", kind: "Aside"))
    }

    @Test("a role or kind changed between documented and unusual values leaves one stored form")
    func roleAndKindChanges() {
        var item = HistoryItem(role: "Narrator", kind: "Aside")
        item.role = "User"
        item.kind = "Message"
        #expect(item == HistoryItem(role: "User", kind: "Message"))
        #expect(item.hashValue == HistoryItem(role: "User", kind: "Message").hashValue)
        item.role = nil
        item.kind = nil
        #expect(item == HistoryItem())
        // A copy's change of role does not reach the original, even through a shared box.
        let original = HistoryItem(role: "Narrator", kind: "Aside", toolName: "n")
        var copy = original
        copy.role = "Critic"
        copy.kind = "Message"
        #expect(original.role == "Narrator" && original.kind == "Aside" && original.toolName == "n")
        #expect(copy.role == "Critic" && copy.kind == "Message" && copy.toolName == "n")
        #expect(HistoryItem(role: "User") != HistoryItem(role: "user"))
        #expect(HistoryItem(kind: "Message") != HistoryItem(kind: "message"))
    }

    @Test("an item built from decoded parts at once equals the same item built field by field")
    func builtAtOnce() {
        var items = [Self.fullItem, HistoryItem()]
        for (_, change) in Self.singleChanges {
            var item = Self.fullItem
            change(&item)
            items.append(item)
        }
        for (role, kind) in [("User", "Message"), ("caller", "Message"), ("User", "Note"), ("caller", "Note")] {
            items.append(HistoryItem(role: role, content: "Hi", kind: kind))
        }
        for item in items {
            let details = HistoryItem.ActionDetails(
                toolName: item.toolName, toolCallID: item.toolCallID, toolArgumentsJSON: item.toolArgumentsJSON,
                toolOutput: item.toolOutput, toolIsError: item.toolIsError, handoffToAgentID: item.handoffToAgentID,
                instructions: item.instructions, toolsAdded: item.toolsAdded)
            let built = HistoryItem(
                role: item.role, content: item.content.map(HistoryItem.StoredContent.init), kind: item.kind, id: item.id, createdAt: item.createdAt,
                interrupted: item.interrupted, transcriptConfidence: item.transcriptConfidence, metrics: item.metrics,
                details: details)
            #expect(built == item)
            #expect(built.hashValue == item.hashValue)
            #expect(built.role == item.role && built.kind == item.kind && built.toolsAdded == item.toolsAdded)
        }
    }

    @Test("the compact layouts stay compact")
    func layout() {
        #expect(MemoryLayout<HistoryItem>.stride <= 104)
        #expect(MemoryLayout<TurnMetrics>.stride <= 80)
    }
}
