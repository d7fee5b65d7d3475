import Foundation

/// One item of a conversation's transcript: a spoken message, a tool call or its result,
/// a handoff, or a change of the agent's configuration. `kind` says which; any field may be missing.
public struct HistoryItem: Sendable, Hashable {
    public var role: String?
    public var content: String?
    public var kind: String?
    public var id: String?
    public var createdAt: Date?
    public var interrupted: Bool?
    public var transcriptConfidence: Double?
    public var metrics: TurnMetrics?
    public var toolName: String?
    public var toolCallID: String?
    public var toolArgumentsJSON: String?
    public var toolOutput: String?
    public var toolIsError: Bool?
    public var handoffToAgentID: String?
    public var instructions: String?
    public var toolsAdded: [String]

    public init(
        role: String? = nil,
        content: String? = nil,
        kind: String? = nil,
        id: String? = nil,
        createdAt: Date? = nil,
        interrupted: Bool? = nil,
        transcriptConfidence: Double? = nil,
        metrics: TurnMetrics? = nil,
        toolName: String? = nil,
        toolCallID: String? = nil,
        toolArgumentsJSON: String? = nil,
        toolOutput: String? = nil,
        toolIsError: Bool? = nil,
        handoffToAgentID: String? = nil,
        instructions: String? = nil,
        toolsAdded: [String] = []
    ) {
        self.role = role
        self.content = content
        self.kind = kind
        self.id = id
        self.createdAt = createdAt
        self.interrupted = interrupted
        self.transcriptConfidence = transcriptConfidence
        self.metrics = metrics
        self.toolName = toolName
        self.toolCallID = toolCallID
        self.toolArgumentsJSON = toolArgumentsJSON
        self.toolOutput = toolOutput
        self.toolIsError = toolIsError
        self.handoffToAgentID = handoffToAgentID
        self.instructions = instructions
        self.toolsAdded = toolsAdded
    }
}
