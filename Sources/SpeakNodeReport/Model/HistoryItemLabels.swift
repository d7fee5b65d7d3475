extension HistoryItem {
    /// An item's `role` in one byte: absent, one of the roles SpeakNode documents, or
    /// `unusual`, when the text itself is kept in the item's out-of-line fields.
    ///
    /// Nearly every item has a documented role, so this saves the 16 bytes of a `String?` in
    /// each, and reading one back returns a literal, which costs no reference counting.
    enum StoredRole: UInt8, Sendable, Hashable {
        case absent, user, assistant, tool, system, unusual

        init(_ role: String?) {
            switch role {
            case nil: self = .absent
            case "User": self = .user
            case "Assistant": self = .assistant
            case "Tool": self = .tool
            case "System": self = .system
            default: self = .unusual
            }
        }

        /// The role's text; `nil` when absent or unusual. Inlined, like the `role` getter that reads it.
        var name: String? {
            @inline(__always) get {
                switch self {
                case .absent, .unusual: nil
                case .user: "User"
                case .assistant: "Assistant"
                case .tool: "Tool"
                case .system: "System"
                }
            }
        }
    }

    /// An item's `kind` in one byte, as ``StoredRole`` stores its role.
    enum StoredKind: UInt8, Sendable, Hashable {
        case absent, message, functionCall, functionCallOutput, agentHandoff, agentConfigUpdate, unusual

        init(_ kind: String?) {
            switch kind {
            case nil: self = .absent
            case "Message": self = .message
            case "FunctionCall": self = .functionCall
            case "FunctionCallOutput": self = .functionCallOutput
            case "AgentHandoff": self = .agentHandoff
            case "AgentConfigUpdate": self = .agentConfigUpdate
            default: self = .unusual
            }
        }

        /// The kind's text; `nil` when absent or unusual. Inlined, like the `kind` getter that reads it.
        var name: String? {
            @inline(__always) get {
                switch self {
                case .absent, .unusual: nil
                case .message: "Message"
                case .functionCall: "FunctionCall"
                case .functionCallOutput: "FunctionCallOutput"
                case .agentHandoff: "AgentHandoff"
                case .agentConfigUpdate: "AgentConfigUpdate"
                }
            }
        }
    }
}
