#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Latency measurements of one turn, in seconds, as the LiveKit Agents pipeline reports them.
///
/// A value that is missing, `null` or `0` means "not measured": the decoder stores `nil`
/// for all three, so statistics never mistake an unmeasured turn for an instant one.
///
/// Nearly every spoken message carries these, so they are stored compactly: the eight values
/// as plain doubles (a date as seconds since the reference date) with one bit each saying
/// whether the value is there, 80 bytes instead of 128 for eight optionals. An absent value is
/// always stored as 0, so equal measurements have equal storage and the synthesized `==` and
/// `hash(into:)` mean what they meant for the optionals.
public struct TurnMetrics: Sendable, Hashable {
    /// The index of each measurement in `values`, and its bit in `present`.
    private enum Field: Int {
        case startedSpeakingAt, stoppedSpeakingAt, transcriptionDelay, endOfTurnDelay
        case onUserTurnCompletedDelay, llmNodeTTFT, ttsNodeTTFB, e2eLatency

        var bit: UInt8 { 1 << UInt8(rawValue) }
    }

    private var values = SIMD8<Double>()
    private var present: UInt8 = 0

    public var startedSpeakingAt: Date? {
        get { date(.startedSpeakingAt) }
        set { setDate(newValue, .startedSpeakingAt) }
    }

    public var stoppedSpeakingAt: Date? {
        get { date(.stoppedSpeakingAt) }
        set { setDate(newValue, .stoppedSpeakingAt) }
    }

    /// User turn: speech end → final transcript.
    public var transcriptionDelay: Double? {
        get { value(.transcriptionDelay) }
        set { setValue(newValue, .transcriptionDelay) }
    }

    /// User turn: speech end → end-of-turn decision (overlaps `transcriptionDelay`).
    public var endOfTurnDelay: Double? {
        get { value(.endOfTurnDelay) }
        set { setValue(newValue, .endOfTurnDelay) }
    }

    public var onUserTurnCompletedDelay: Double? {
        get { value(.onUserTurnCompletedDelay) }
        set { setValue(newValue, .onUserTurnCompletedDelay) }
    }

    /// Agent turn: time to the first LLM token.
    public var llmNodeTTFT: Double? {
        get { value(.llmNodeTTFT) }
        set { setValue(newValue, .llmNodeTTFT) }
    }

    /// Agent turn: time to the first synthesized audio.
    public var ttsNodeTTFB: Double? {
        get { value(.ttsNodeTTFB) }
        set { setValue(newValue, .ttsNodeTTFB) }
    }

    /// Agent turn: user stopped speaking → agent started speaking, the wait a caller hears.
    public var e2eLatency: Double? {
        get { value(.e2eLatency) }
        set { setValue(newValue, .e2eLatency) }
    }

    public init(
        startedSpeakingAt: Date? = nil,
        stoppedSpeakingAt: Date? = nil,
        transcriptionDelay: Double? = nil,
        endOfTurnDelay: Double? = nil,
        onUserTurnCompletedDelay: Double? = nil,
        llmNodeTTFT: Double? = nil,
        ttsNodeTTFB: Double? = nil,
        e2eLatency: Double? = nil
    ) {
        self.startedSpeakingAt = startedSpeakingAt
        self.stoppedSpeakingAt = stoppedSpeakingAt
        self.transcriptionDelay = transcriptionDelay
        self.endOfTurnDelay = endOfTurnDelay
        self.onUserTurnCompletedDelay = onUserTurnCompletedDelay
        self.llmNodeTTFT = llmNodeTTFT
        self.ttsNodeTTFB = ttsNodeTTFB
        self.e2eLatency = e2eLatency
    }

    /// Whether nothing at all was measured.
    var isEmpty: Bool { present == 0 }

    // For compact storage (``CompactTurnMetrics``): the fields by index, in declaration order.

    static let fieldCount = 8

    /// Bit `i` set when field `i` is there.
    var presentFields: UInt8 { present }

    func isPresent(field: Int) -> Bool { present & (1 << UInt8(field)) != 0 }

    /// The value of field `field`; 0 when it is absent.
    func measurement(atField field: Int) -> Double { values[field] }

    /// Metrics with the fields of `presentFields` there; `values` holds each field's value at
    /// its index, and must hold 0 for every absent field.
    init(presentFields: UInt8, values: SIMD8<Double>) {
        present = presentFields
        self.values = values
    }

    private func value(_ field: Field) -> Double? {
        present & field.bit == 0 ? nil : values[field.rawValue]
    }

    private mutating func setValue(_ newValue: Double?, _ field: Field) {
        if let newValue {
            values[field.rawValue] = newValue
            present |= field.bit
        } else {
            values[field.rawValue] = 0
            present &= ~field.bit
        }
    }

    private func date(_ field: Field) -> Date? {
        value(field).map(Date.init(timeIntervalSinceReferenceDate:))
    }

    private mutating func setDate(_ newValue: Date?, _ field: Field) {
        setValue(newValue?.timeIntervalSinceReferenceDate, field)
    }
}
