#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One item of a conversation's transcript: a spoken message, a tool call or its result,
/// a handoff, or a change of the agent's configuration. `kind` says which; any field may be missing.
///
/// A large run holds hundreds of thousands of items, so the storage is compact (128 bytes a
/// value instead of 336) behind the same properties: the fields of tool calls, handoffs and
/// configuration changes live out of line in one shared, immutable box that a spoken message
/// does not allocate; `createdAt` and `transcriptConfidence` are plain doubles with a bit
/// saying whether they are there; and `role` and `kind` are one byte each for the values
/// SpeakNode documents (any other text goes into the box). Every value has one stored form
/// (`nil` box, 0 and a clear bit, a known role always as its byte), so the synthesized `==`
/// and `hash(into:)` mean what they meant field by field.
public struct HistoryItem: Sendable, Hashable {
    // Stored first: its 16-byte alignment then wastes no padding in front of it.
    public var metrics: TurnMetrics?
    public var interrupted: Bool?
    /// `Self.hasCreatedAt` and `Self.hasTranscriptConfidence` bits.
    private var presentValues: UInt8 = 0
    private var storedRole: StoredRole = .absent
    private var storedKind: StoredKind = .absent
    public var content: String?
    public var id: String?
    /// `createdAt` as seconds since the reference date; 0 when absent.
    private var createdAtSeconds: Double = 0
    /// 0 when absent.
    private var transcriptConfidenceValue: Double = 0
    /// `nil` exactly when every field of ``OutOfLineFields`` is missing.
    private var outOfLineBox: OutOfLineBox?

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

    public var role: String? {
        get { storedRole == .unusual ? outOfLineBox?.fields.unusualRole : storedRole.name }
        set {
            storedRole = StoredRole(newValue)
            let unusualRole = storedRole == .unusual ? newValue : nil
            if outOfLineBox?.fields.unusualRole != unusualRole { changeOutOfLine { $0.unusualRole = unusualRole } }
        }
    }

    public var kind: String? {
        get { storedKind == .unusual ? outOfLineBox?.fields.unusualKind : storedKind.name }
        set {
            storedKind = StoredKind(newValue)
            let unusualKind = storedKind == .unusual ? newValue : nil
            if outOfLineBox?.fields.unusualKind != unusualKind { changeOutOfLine { $0.unusualKind = unusualKind } }
        }
    }

    /// The tool, handoff and configuration fields together; setting it allocates a box only
    /// when one of them is there. The decoder sets them this way, all at once.
    var actionDetails: ActionDetails {
        get { outOfLineBox?.fields.details ?? ActionDetails() }
        set { changeOutOfLine { $0.details = newValue } }
    }

    /// Replaces the box with one holding the changed fields, or with none when all are missing.
    private mutating func changeOutOfLine(_ change: (inout OutOfLineFields) -> Void) {
        var fields = outOfLineBox?.fields ?? OutOfLineFields()
        change(&fields)
        outOfLineBox = fields.isEmpty ? nil : OutOfLineBox(fields)
    }

    public var toolName: String? {
        get { outOfLineBox?.fields.details.toolName }
        set { actionDetails.toolName = newValue }
    }

    public var toolCallID: String? {
        get { outOfLineBox?.fields.details.toolCallID }
        set { actionDetails.toolCallID = newValue }
    }

    public var toolArgumentsJSON: String? {
        get { outOfLineBox?.fields.details.toolArgumentsJSON }
        set { actionDetails.toolArgumentsJSON = newValue }
    }

    public var toolOutput: String? {
        get { outOfLineBox?.fields.details.toolOutput }
        set { actionDetails.toolOutput = newValue }
    }

    public var toolIsError: Bool? {
        get { outOfLineBox?.fields.details.toolIsError }
        set { actionDetails.toolIsError = newValue }
    }

    public var handoffToAgentID: String? {
        get { outOfLineBox?.fields.details.handoffToAgentID }
        set { actionDetails.handoffToAgentID = newValue }
    }

    public var instructions: String? {
        get { outOfLineBox?.fields.details.instructions }
        set { actionDetails.instructions = newValue }
    }

    public var toolsAdded: [String] {
        get { outOfLineBox?.fields.details.toolsAdded ?? [] }
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
        self.init(
            role: role, content: content, kind: kind, id: id, createdAt: createdAt, interrupted: interrupted,
            transcriptConfidence: transcriptConfidence, metrics: metrics,
            details: ActionDetails(
                toolName: toolName, toolCallID: toolCallID, toolArgumentsJSON: toolArgumentsJSON,
                toolOutput: toolOutput, toolIsError: toolIsError, handoffToAgentID: handoffToAgentID,
                instructions: instructions, toolsAdded: toolsAdded))
    }

    /// An item with every stored field written once, and its out-of-line box made once, if at
    /// all. Decoders build each of hundreds of thousands of items this way: going through the
    /// properties' setters instead would look at the box again for every field set.
    init(role: String?, content: String?, kind: String?, id: String?, createdAt: Date?, interrupted: Bool?,
         transcriptConfidence: Double?, metrics: TurnMetrics?, details: ActionDetails) {
        self.metrics = metrics
        self.interrupted = interrupted
        self.content = content
        self.id = id
        storedRole = StoredRole(role)
        storedKind = StoredKind(kind)
        if let createdAt {
            createdAtSeconds = createdAt.timeIntervalSinceReferenceDate
            presentValues |= Self.hasCreatedAt
        }
        if let transcriptConfidence {
            transcriptConfidenceValue = transcriptConfidence
            presentValues |= Self.hasTranscriptConfidence
        }
        let fields = OutOfLineFields(
            details: details,
            unusualRole: storedRole == .unusual ? role : nil,
            unusualKind: storedKind == .unusual ? kind : nil)
        outOfLineBox = fields.isEmpty ? nil : OutOfLineBox(fields)
    }
}
