import Foundation

/// One item of a conversation's transcript: a spoken message, a tool call or its result,
/// a handoff, or a change of the agent's configuration. `kind` says which; any field may be missing.
///
/// A large run holds hundreds of thousands of items, so the storage is compact (160 bytes a
/// value instead of 336) behind the same properties: the fields of tool calls, handoffs and
/// configuration changes live out of line in one shared, immutable box that a spoken message
/// does not allocate, and `createdAt` and `transcriptConfidence` are plain doubles with a bit
/// saying whether they are there. Every absent value has one stored form (`nil` box, 0 and a
/// clear bit), so the synthesized `==` and `hash(into:)` mean what they meant field by field.
public struct HistoryItem: Sendable, Hashable {
    // Stored first: its 16-byte alignment then wastes no padding in front of it.
    public var metrics: TurnMetrics?
    public var interrupted: Bool?
    /// `Self.hasCreatedAt` and `Self.hasTranscriptConfidence` bits.
    private var presentValues: UInt8 = 0
    public var role: String?
    public var content: String?
    public var kind: String?
    public var id: String?
    /// `createdAt` as seconds since the reference date; 0 when absent.
    private var createdAtSeconds: Double = 0
    /// 0 when absent.
    private var transcriptConfidenceValue: Double = 0
    /// `nil` exactly when every field of ``ActionDetails`` is missing.
    private var actionDetailsBox: ActionDetailsBox?

    private static let hasCreatedAt: UInt8 = 1 << 0
    private static let hasTranscriptConfidence: UInt8 = 1 << 1

    public var createdAt: Date? {
        get {
            presentValues & Self.hasCreatedAt == 0 ? nil : Date(timeIntervalSinceReferenceDate: createdAtSeconds)
        }
        set {
            createdAtSeconds = newValue?.timeIntervalSinceReferenceDate ?? 0
            presentValues = newValue == nil ? presentValues & ~Self.hasCreatedAt : presentValues | Self.hasCreatedAt
        }
    }

    public var transcriptConfidence: Double? {
        get { presentValues & Self.hasTranscriptConfidence == 0 ? nil : transcriptConfidenceValue }
        set {
            transcriptConfidenceValue = newValue ?? 0
            presentValues = newValue == nil
                ? presentValues & ~Self.hasTranscriptConfidence : presentValues | Self.hasTranscriptConfidence
        }
    }

    /// The tool, handoff and configuration fields together; setting it allocates a box only
    /// when one of them is there. The decoder sets them this way, all at once.
    var actionDetails: ActionDetails {
        get { actionDetailsBox?.details ?? ActionDetails() }
        set { actionDetailsBox = newValue.isEmpty ? nil : ActionDetailsBox(newValue) }
    }

    public var toolName: String? {
        get { actionDetailsBox?.details.toolName }
        set { actionDetails.toolName = newValue }
    }

    public var toolCallID: String? {
        get { actionDetailsBox?.details.toolCallID }
        set { actionDetails.toolCallID = newValue }
    }

    public var toolArgumentsJSON: String? {
        get { actionDetailsBox?.details.toolArgumentsJSON }
        set { actionDetails.toolArgumentsJSON = newValue }
    }

    public var toolOutput: String? {
        get { actionDetailsBox?.details.toolOutput }
        set { actionDetails.toolOutput = newValue }
    }

    public var toolIsError: Bool? {
        get { actionDetailsBox?.details.toolIsError }
        set { actionDetails.toolIsError = newValue }
    }

    public var handoffToAgentID: String? {
        get { actionDetailsBox?.details.handoffToAgentID }
        set { actionDetails.handoffToAgentID = newValue }
    }

    public var instructions: String? {
        get { actionDetailsBox?.details.instructions }
        set { actionDetails.instructions = newValue }
    }

    public var toolsAdded: [String] {
        get { actionDetailsBox?.details.toolsAdded ?? [] }
        set { actionDetails.toolsAdded = newValue }
    }

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
        self.interrupted = interrupted
        self.metrics = metrics
        self.createdAt = createdAt
        self.transcriptConfidence = transcriptConfidence
        self.actionDetails = ActionDetails(
            toolName: toolName, toolCallID: toolCallID, toolArgumentsJSON: toolArgumentsJSON,
            toolOutput: toolOutput, toolIsError: toolIsError, handoffToAgentID: handoffToAgentID,
            instructions: instructions, toolsAdded: toolsAdded)
    }
}
