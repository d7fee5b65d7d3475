import Testing
@testable import SpeakNodeReport

@Suite("Turn kinds")
struct TurnKindTests {
    /// The kind as the text of `kind` and the fields tell it: what ``TurnKind`` reads from the
    /// byte an item stores for a documented kind.
    static func kindByText(_ item: HistoryItem) -> TurnKind {
        let kind = item.kind ?? ""
        if kind == "FunctionCall" || (item.toolName != nil && item.toolOutput == nil && kind.isEmpty) { return .toolCall }
        if kind == "FunctionCallOutput" || (item.toolOutput != nil && kind.isEmpty) { return .toolOutput }
        if kind == "AgentHandoff" || (item.handoffToAgentID != nil && kind.isEmpty) { return .handoff }
        if kind == "AgentConfigUpdate" || ((item.instructions != nil || !item.toolsAdded.isEmpty) && kind.isEmpty) {
            return .configUpdate
        }
        return kind == "Message" || kind.isEmpty ? .message : .other
    }

    @Test("documented kinds by their byte; other kinds are other; no or an empty kind goes by the fields")
    func kinds() {
        let kinds: [String?] = [nil, "", "Message", "FunctionCall", "FunctionCallOutput", "AgentHandoff",
                                "AgentConfigUpdate", "message", "function_call", " ", "SomethingNew"]
        let fieldSets: [HistoryItem] = [
            HistoryItem(content: "Hi"),
            HistoryItem(toolName: "book"),
            HistoryItem(toolName: "book", toolOutput: "{}"),
            HistoryItem(toolOutput: "{}"),
            HistoryItem(handoffToAgentID: "billing"),
            HistoryItem(instructions: "Be brief."),
            HistoryItem(toolsAdded: ["cancel"]),
        ]
        for kind in kinds {
            for var item in fieldSets {
                item.kind = kind
                #expect(TurnKind(item) == Self.kindByText(item), "\(kind.debugDescription) \(item)")
            }
        }
        #expect(TurnKind(HistoryItem(kind: "", toolName: "book")) == .toolCall)
        #expect(TurnKind(HistoryItem(kind: "message")) == .other)
    }
}
