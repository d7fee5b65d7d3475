import Foundation
import Testing
@testable import SpeakNodeReport

/// The init decoders use, which takes a role and a kind in their stored forms and details
/// only when there are any: each of its items equals the one the same texts make.
@Suite("An item built from stored forms")
struct HistoryItemStoredFormInitTests {
    private func built(role: HistoryItem.StoredRole, unusualRole: String? = nil, kind: HistoryItem.StoredKind,
                       unusualKind: String? = nil, details: HistoryItem.ActionDetails? = nil) -> HistoryItem {
        HistoryItem(
            role: role, unusualRole: unusualRole, content: .init("Hi"), kind: kind, unusualKind: unusualKind,
            id: nil, createdAt: nil, interrupted: nil, transcriptConfidence: nil, metrics: nil, details: details)
    }

    @Test("documented, unusual and absent roles and kinds equal the items their texts make")
    func sameAsTexts() {
        let pairs: [(HistoryItem, HistoryItem)] = [
            (built(role: .user, kind: .message), HistoryItem(role: "User", content: "Hi", kind: "Message")),
            (built(role: .system, kind: .agentConfigUpdate), HistoryItem(role: "System", content: "Hi", kind: "AgentConfigUpdate")),
            (built(role: .unusual, unusualRole: "Narrator", kind: .unusual, unusualKind: "Aside"),
             HistoryItem(role: "Narrator", content: "Hi", kind: "Aside")),
            (built(role: .absent, kind: .absent), HistoryItem(content: "Hi")),
            // A text given with a documented role or kind is not kept; an unusual one without its text is absent.
            (built(role: .tool, unusualRole: "ignored", kind: .functionCall, unusualKind: "ignored"),
             HistoryItem(role: "Tool", content: "Hi", kind: "FunctionCall")),
            (built(role: .unusual, kind: .unusual), HistoryItem(content: "Hi")),
        ]
        for (item, expected) in pairs {
            #expect(item == expected)
            #expect(item.hashValue == expected.hashValue)
            #expect(item.role == expected.role && item.kind == expected.kind)
            #expect(item.storedRole == expected.storedRole && item.storedKind == expected.storedKind)
        }
    }

    @Test("details that are missing or empty make no difference; present ones are kept")
    func details() {
        let message = HistoryItem(role: "User", content: "Hi", kind: "Message")
        #expect(built(role: .user, kind: .message, details: nil) == message)
        #expect(built(role: .user, kind: .message, details: HistoryItem.ActionDetails()) == message)
        #expect(!built(role: .user, kind: .message).signalFields.hasActionDetails)
        let call = built(role: .assistant, kind: .functionCall, details: HistoryItem.ActionDetails(toolName: "lookup"))
        #expect(call == HistoryItem(role: "Assistant", content: "Hi", kind: "FunctionCall", toolName: "lookup"))
        #expect(call.signalFields.hasActionDetails)
    }
}
