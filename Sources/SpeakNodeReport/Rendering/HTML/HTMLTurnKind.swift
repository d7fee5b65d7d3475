/// What a history item is, as the HTML report lays it out: its raw value is the `kind` key of
/// a turn, and each case has an `is…` key (`isMessage`, `isToolCall`…).
///
/// The same classification as ``TranscriptLine``'s `kind` (a test holds them together), made
/// without building the line's text, which the HTML report does not show: an item's `kind`
/// decides, and an item without one is told by the fields it carries.
enum HTMLTurnKind: String, Sendable, CaseIterable {
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
