extension HistoryItem {
    /// The fields that only tool calls, tool results, handoffs and configuration changes carry.
    ///
    /// Most items of a transcript are spoken messages, which have none of these, so a
    /// ``HistoryItem`` keeps them out of line (in an ``OutOfLineBox``) and a message pays
    /// for one pointer instead of about 120 bytes of empty optionals.
    struct ActionDetails: Sendable, Hashable {
        var toolName: String?
        var toolCallID: String?
        var toolArgumentsJSON: String?
        var toolOutput: String?
        var toolIsError: Bool?
        var handoffToAgentID: String?
        var instructions: String?
        var toolsAdded: [String] = []

        /// Whether every field is missing, as in a spoken message (a new field must be added here).
        var isEmpty: Bool {
            toolName == nil && toolCallID == nil && toolArgumentsJSON == nil && toolOutput == nil
                && toolIsError == nil && handoffToAgentID == nil && instructions == nil && toolsAdded.isEmpty
        }
    }
}
