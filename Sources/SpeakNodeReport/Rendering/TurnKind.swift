/// What a history item is, for every report that lays out a transcript: its raw value is the
/// `kind` of a transcript line and of an HTML turn (which also has an `is…` key per case:
/// `isMessage`, `isToolCall`…).
///
/// An item's `kind` decides; an item without one is told by the fields it carries.
enum TurnKind: String, Sendable, CaseIterable {
    case message
    case toolCall
    case toolOutput
    case handoff
    case configUpdate
    case other

    init(_ item: HistoryItem) {
        let kind = item.kind ?? ""
        if kind == "FunctionCall" || (item.toolName != nil && item.toolOutput == nil && kind.isEmpty) {
            self = .toolCall
        } else if kind == "FunctionCallOutput" || (item.toolOutput != nil && kind.isEmpty) {
            self = .toolOutput
        } else if kind == "AgentHandoff" || (item.handoffToAgentID != nil && kind.isEmpty) {
            self = .handoff
        } else if kind == "AgentConfigUpdate" || ((item.instructions != nil || !item.toolsAdded.isEmpty) && kind.isEmpty) {
            self = .configUpdate
        } else if kind == "Message" || kind.isEmpty {
            self = .message
        } else {
            self = .other
        }
    }
}
