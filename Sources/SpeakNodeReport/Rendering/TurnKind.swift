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

    /// The kind of `item`: a documented `kind` is told from the byte the item stores for it;
    /// any other non-empty kind is `other`; an item without a kind (or with an empty one) is
    /// told by its fields.
    ///
    /// Inlined where it is called, so that an item read in place is not copied to be passed whole.
    @inline(__always)
    init(_ item: borrowing HistoryItem) {
        switch item.storedKind {
        case .functionCall: self = .toolCall
        case .functionCallOutput: self = .toolOutput
        case .agentHandoff: self = .handoff
        case .agentConfigUpdate: self = .configUpdate
        case .message: self = .message
        case .unusual where item.kind?.isEmpty == false: self = .other
        case .absent, .unusual: self.init(fieldsOf: item)
        }
    }

    /// The kind of an item without a `kind`, by the fields it carries.
    private init(fieldsOf item: borrowing HistoryItem) {
        if item.toolName != nil && item.toolOutput == nil {
            self = .toolCall
        } else if item.toolOutput != nil {
            self = .toolOutput
        } else if item.handoffToAgentID != nil {
            self = .handoff
        } else if item.instructions != nil || !item.toolsAdded.isEmpty {
            self = .configUpdate
        } else {
            self = .message
        }
    }
}
