#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One item of a conversation's transcript: a spoken message, a tool call or its result,
/// a handoff, or a change of the agent's configuration. `kind` says which; any field may be missing.
///
/// A large run holds hundreds of thousands of items, so the storage is compact (104 bytes a
/// value instead of 336) behind the same properties: the fields of tool calls, handoffs and
/// configuration changes live out of line in one shared, immutable box that a spoken message
/// does not allocate; `createdAt` and `transcriptConfidence` are plain doubles with a bit
/// saying whether they are there; `metrics` keeps only the measurements that are there
/// (``CompactTurnMetrics``); `role` and `kind` are one byte each for the values
/// SpeakNode documents (any other text goes into the box); and `content` is a range of a
/// buffer that the conversation's texts share (``SharedUTF8Text``), not a `String` of its own.
/// Every value has one stored form (`nil` box, 0 and a clear bit, a known role always as its
/// byte), and `==` and `hash(into:)` compare `content` as strings, so they mean what they meant
/// field by field, wherever a text is stored.
public struct HistoryItem: Sendable, Hashable {
    /// `metrics`, when `Self.hasMetrics` is set.
    private var compactMetrics = CompactTurnMetrics()
    public var interrupted: Bool?
    /// `Self.hasCreatedAt`, `Self.hasTranscriptConfidence`, `Self.hasMetrics` and `Self.hasMetricsOverflow` bits.
    private var presentValues: UInt8 = 0
    /// Read by reports that tell roles apart, without comparing the role's text.
    private(set) var storedRole: StoredRole = .absent
    /// Read by reports that tell kinds apart, without comparing the kind's text.
    private(set) var storedKind: StoredKind = .absent
    /// The content, unless it is too long for a ``SharedUTF8Text`` (then it is out of line).
    private var sharedContent: SharedUTF8Text?
    public var id: String?
    /// `createdAt` as seconds since the reference date; 0 when absent.
    private var createdAtSeconds: Double = 0
    /// 0 when absent.
    private var transcriptConfidenceValue: Double = 0
    /// `nil` exactly when every field of ``OutOfLineFields`` is missing.
    private var outOfLineBox: OutOfLineBox?

    private static let hasCreatedAt: UInt8 = 1 << 0
    private static let hasTranscriptConfidence: UInt8 = 1 << 1
    private static let hasMetrics: UInt8 = 1 << 2
    /// Set when the metrics have more than five values, some of them out of line.
    private static let hasMetricsOverflow: UInt8 = 1 << 3

    // The getters that readers call for every item are inlined where they are read: a call
    // that takes the whole item makes the caller copy it (retaining each of its texts and its
    // box) unless it can prove the item unchanged during the call, which it cannot for an item
    // read in place (an element of an array, say). Inlined, a getter only loads the fields it reads.

    public var metrics: TurnMetrics? {
        @inline(__always) get {
            guard presentValues & Self.hasMetrics != 0 else { return nil }
            let overflow = presentValues & Self.hasMetricsOverflow == 0 ? [] : outOfLineBox?.fields.metricsOverflow ?? []
            return compactMetrics.metrics(overflow: overflow)
        }
        set {
            var overflow: [Double] = []
            compactMetrics = newValue.map { CompactTurnMetrics($0, overflow: &overflow) } ?? CompactTurnMetrics()
            presentValues = newValue == nil ? presentValues & ~Self.hasMetrics : presentValues | Self.hasMetrics
            presentValues = overflow.isEmpty ? presentValues & ~Self.hasMetricsOverflow : presentValues | Self.hasMetricsOverflow
            if (outOfLineBox?.fields.metricsOverflow ?? []) != overflow { changeOutOfLine { $0.metricsOverflow = overflow } }
        }
    }

    /// `metrics?.startedSpeakingAt`, read from the compact metrics without unpacking the others.
    var startedSpeakingAt: Date? {
        @inline(__always) get {
            guard presentValues & Self.hasMetrics != 0 else { return nil }
            return compactMetrics.startedSpeakingSeconds.map(Date.init(timeIntervalSinceReferenceDate:))
        }
    }

    /// Seconds from `metrics?.startedSpeakingAt` to `metrics?.stoppedSpeakingAt`, when the
    /// metrics have both; read from the compact metrics without unpacking the others.
    var speakingSeconds: Double? {
        @inline(__always) get {
            guard presentValues & Self.hasMetrics != 0, let times = compactMetrics.speakingSeconds else { return nil }
            return times.stopped - times.started
        }
    }

    public var createdAt: Date? {
        @inline(__always) get {
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

    /// What was said, or the text of another kind of item.
    ///
    /// Made from the stored bytes on each call: readers that only need the bytes, their length
    /// or whether there is any use ``withContentUTF8(_:)``, ``contentUTF8Count`` or ``hasContent``.
    public var content: String? {
        get {
            if let sharedContent { return sharedContent.string }
            return outOfLineBox?.fields.longContent
        }
        set { setContent(newValue.map(StoredContent.init)) }
    }

    /// Whether the item has a content (maybe empty), without making a string of it.
    var hasContent: Bool {
        @inline(__always) get { sharedContent != nil || outOfLineBox?.fields.longContent != nil }
    }

    /// The fields that an item's kind and role are told by, and whether it was a turn of
    /// speech, as plain values: what ``ConversationSignals`` reads of every item. Read in
    /// place (`items[index].signalFields`) it loads only these fields, where a copy of the
    /// item would retain each of its texts and its box.
    struct SignalFields {
        var kind: StoredKind
        var role: StoredRole
        var hasContent: Bool
        var interrupted: Bool?
        /// See ``HistoryItem/speakingSeconds``.
        var speakingSeconds: Double?
        /// Whether the item has any tool, handoff or configuration field (``actionDetails``).
        var hasActionDetails: Bool
    }

    var signalFields: SignalFields {
        @inline(__always) get {
            SignalFields(
                kind: storedKind, role: storedRole, hasContent: hasContent, interrupted: interrupted,
                speakingSeconds: speakingSeconds, hasActionDetails: outOfLineBox?.fields.details.isEmpty == false)
        }
    }

    /// The content as the item stores it, for reading its bytes once the item is let go of:
    /// a reader that gets the content this way from an item it reads in place copies one
    /// reference instead of the item. `nil` when there is none.
    var storedContent: StoredContent? {
        @inline(__always) get {
            if let sharedContent { return .shared(sharedContent) }
            return outOfLineBox?.fields.longContent.map(StoredContent.long)
        }
    }

    /// The content's length in UTF-8 bytes; `nil` when there is none.
    var contentUTF8Count: Int? {
        if let sharedContent { return sharedContent.count }
        return outOfLineBox?.fields.longContent?.utf8.count
    }

    /// Lends the content's UTF-8 bytes where they are stored; `nil` when there is none.
    func withContentUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result? {
        if let sharedContent { return try sharedContent.withUTF8(body) }
        guard var long = outOfLineBox?.fields.longContent else { return nil }
        return try long.withUTF8(body)
    }

    /// How an item stores its content.
    enum StoredContent {
        /// Bytes of a shared buffer: every content but the longest.
        case shared(SharedUTF8Text)
        /// A text longer than ``SharedUTF8Text/maximumCount``, kept out of line.
        case long(String)

        /// A string's text in a buffer of its own, or out of line when it is too long.
        init(_ text: String) {
            self = SharedUTF8Text(text).map(StoredContent.shared) ?? .long(text)
        }

        /// Lends the text's UTF-8 bytes where they are stored.
        func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
            switch self {
            case .shared(let text): return try text.withUTF8(body)
            case .long(var text): return try text.withUTF8(body)
            }
        }

        /// The text as a `String`.
        var string: String {
            switch self {
            case .shared(let text): text.string
            case .long(let text): text
            }
        }
    }

    /// Stores the content as given; the decoder gives it already placed in a shared buffer.
    mutating func setContent(_ content: StoredContent?) {
        var longContent: String?
        switch content {
        case .shared(let text): sharedContent = text
        case .long(let text):
            sharedContent = nil
            longContent = text
        case nil: sharedContent = nil
        }
        if outOfLineBox?.fields.longContent != longContent { changeOutOfLine { $0.longContent = longContent } }
    }

    public var role: String? {
        @inline(__always) get { storedRole == .unusual ? outOfLineBox?.fields.unusualRole : storedRole.name }
        set {
            storedRole = StoredRole(newValue)
            let unusualRole = storedRole == .unusual ? newValue : nil
            if outOfLineBox?.fields.unusualRole != unusualRole { changeOutOfLine { $0.unusualRole = unusualRole } }
        }
    }

    public var kind: String? {
        @inline(__always) get { storedKind == .unusual ? outOfLineBox?.fields.unusualKind : storedKind.name }
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
        @inline(__always) get { outOfLineBox?.fields.details.toolName }
        set { actionDetails.toolName = newValue }
    }

    public var toolCallID: String? {
        @inline(__always) get { outOfLineBox?.fields.details.toolCallID }
        set { actionDetails.toolCallID = newValue }
    }

    public var toolArgumentsJSON: String? {
        @inline(__always) get { outOfLineBox?.fields.details.toolArgumentsJSON }
        set { actionDetails.toolArgumentsJSON = newValue }
    }

    public var toolOutput: String? {
        @inline(__always) get { outOfLineBox?.fields.details.toolOutput }
        set { actionDetails.toolOutput = newValue }
    }

    public var toolIsError: Bool? {
        @inline(__always) get { outOfLineBox?.fields.details.toolIsError }
        set { actionDetails.toolIsError = newValue }
    }

    public var handoffToAgentID: String? {
        @inline(__always) get { outOfLineBox?.fields.details.handoffToAgentID }
        set { actionDetails.handoffToAgentID = newValue }
    }

    public var instructions: String? {
        @inline(__always) get { outOfLineBox?.fields.details.instructions }
        set { actionDetails.instructions = newValue }
    }

    public var toolsAdded: [String] {
        @inline(__always) get { outOfLineBox?.fields.details.toolsAdded ?? [] }
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
            role: role, content: content.map(StoredContent.init), kind: kind, id: id, createdAt: createdAt,
            interrupted: interrupted, transcriptConfidence: transcriptConfidence, metrics: metrics,
            details: ActionDetails(
                toolName: toolName, toolCallID: toolCallID, toolArgumentsJSON: toolArgumentsJSON,
                toolOutput: toolOutput, toolIsError: toolIsError, handoffToAgentID: handoffToAgentID,
                instructions: instructions, toolsAdded: toolsAdded))
    }

    /// An item with every stored field written once, and its out-of-line box made once, if at
    /// all, from a role and a kind given as text (see the init that takes their stored forms).
    init(role: String?, content: StoredContent?, kind: String?, id: String?, createdAt: Date?, interrupted: Bool?,
         transcriptConfidence: Double?, metrics: TurnMetrics?, details: ActionDetails?) {
        let storedRole = StoredRole(role), storedKind = StoredKind(kind)
        self.init(
            role: storedRole, unusualRole: storedRole == .unusual ? role : nil, content: content,
            kind: storedKind, unusualKind: storedKind == .unusual ? kind : nil, id: id, createdAt: createdAt,
            interrupted: interrupted, transcriptConfidence: transcriptConfidence, metrics: metrics, details: details)
    }

    /// An item with every stored field written once, and its out-of-line box made once, if at
    /// all. Decoders build each of hundreds of thousands of items this way: going through the
    /// properties' setters instead would look at the box again for every field set.
    ///
    /// The role and kind come in their stored forms, since a decoder that matched a documented
    /// name already knows which it is (comparing the text again cost a `switch` over strings
    /// per item); `unusualRole` and `unusualKind` are the texts of an `.unusual` role or kind
    /// (and `nil` otherwise). `details` is `nil` for an item without any (a spoken message):
    /// then, with no long content, unusual name or metrics overflow, no ``OutOfLineFields``
    /// is made at all, where making and destroying an empty one cost more than the rest of the init.
    init(role: StoredRole, unusualRole: String?, content: StoredContent?, kind: StoredKind, unusualKind: String?,
         id: String?, createdAt: Date?, interrupted: Bool?, transcriptConfidence: Double?, metrics: TurnMetrics?,
         details: ActionDetails?) {
        var longContent: String?
        var metricsOverflow: [Double] = []
        if let metrics {
            compactMetrics = CompactTurnMetrics(metrics, overflow: &metricsOverflow)
            presentValues |= metricsOverflow.isEmpty ? Self.hasMetrics : Self.hasMetrics | Self.hasMetricsOverflow
        }
        self.interrupted = interrupted
        switch content {
        case .shared(let text): sharedContent = text
        case .long(let text): longContent = text
        case nil: break
        }
        self.id = id
        // An unusual role or kind without its text is stored as absent, its one stored form.
        storedRole = role == .unusual && unusualRole == nil ? .absent : role
        storedKind = kind == .unusual && unusualKind == nil ? .absent : kind
        if let createdAt {
            createdAtSeconds = createdAt.timeIntervalSinceReferenceDate
            presentValues |= Self.hasCreatedAt
        }
        if let transcriptConfidence {
            transcriptConfidenceValue = transcriptConfidence
            presentValues |= Self.hasTranscriptConfidence
        }
        let unusualRole = role == .unusual ? unusualRole : nil
        let unusualKind = kind == .unusual ? unusualKind : nil
        let details = details.flatMap { $0.isEmpty ? nil : $0 }
        guard details != nil || unusualRole != nil || unusualKind != nil || longContent != nil || !metricsOverflow.isEmpty
        else { return }
        outOfLineBox = OutOfLineBox(OutOfLineFields(
            details: details ?? ActionDetails(), unusualRole: unusualRole, unusualKind: unusualKind,
            longContent: longContent, metricsOverflow: metricsOverflow))
    }
}

extension HistoryItem {
    /// Field by field, as the synthesized `==` of plain optional fields would compare; the
    /// contents as strings (canonical equivalence), whichever buffers hold them.
    public static func == (lhs: HistoryItem, rhs: HistoryItem) -> Bool {
        lhs.metrics == rhs.metrics && lhs.interrupted == rhs.interrupted && lhs.presentValues == rhs.presentValues
            && lhs.storedRole == rhs.storedRole && lhs.storedKind == rhs.storedKind && lhs.id == rhs.id
            && lhs.createdAtSeconds == rhs.createdAtSeconds
            && lhs.transcriptConfidenceValue == rhs.transcriptConfidenceValue
            && lhs.outOfLineBox?.fields.otherThanContent == rhs.outOfLineBox?.fields.otherThanContent
            && lhs.hasSameContent(as: rhs)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(metrics)
        hasher.combine(interrupted)
        hasher.combine(presentValues)
        hasher.combine(storedRole)
        hasher.combine(storedKind)
        hasher.combine(id)
        hasher.combine(createdAtSeconds)
        hasher.combine(transcriptConfidenceValue)
        hasher.combine(outOfLineBox?.fields.otherThanContent)
        // As a string: contents that are equal as strings hash alike even when their bytes differ.
        hasher.combine(content)
    }

    /// Whether the contents are equal strings; the same bytes settle it without making strings,
    /// and so do different ASCII bytes (ASCII text is only equivalent to the same text).
    private func hasSameContent(as other: HistoryItem) -> Bool {
        if let mine = sharedContent, let theirs = other.sharedContent {
            if mine.hasSameBytes(as: theirs) { return true }
            if mine.isASCII && theirs.isASCII { return false }
        }
        return content == other.content
    }
}
