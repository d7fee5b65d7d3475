/// A history item's ``TurnMetrics`` in 41 bytes instead of 80: the measurements that are
/// there, in field order, with the bits saying which they are.
///
/// A turn reports five of the eight measurements (a caller's turn the transcription and
/// end-of-turn delays, an agent's the LLM, TTS and end-to-end latencies, and both when speech
/// started and stopped), so the eight slots of a ``TurnMetrics`` left three empty in every
/// spoken message of a large run. Up to five values are kept here; any more go to the item's
/// out-of-line fields (the `overflow`). Unused slots are always 0, so equal metrics have
/// equal storage.
struct CompactTurnMetrics: Sendable {
    /// The present values, in field order; 0 in the slots after the last.
    private var values: (Double, Double, Double, Double, Double) = (0, 0, 0, 0, 0)
    /// ``TurnMetrics/presentFields``.
    private var presentFields: UInt8 = 0

    static let inlineCount = 5

    /// No metrics at all.
    init() {}

    /// The compact form of `metrics`; `overflow` gets the values past the fifth, in field order.
    init(_ metrics: TurnMetrics, overflow: inout [Double]) {
        presentFields = metrics.presentFields
        var slot = 0
        for field in 0..<TurnMetrics.fieldCount where metrics.isPresent(field: field) {
            let value = metrics.measurement(atField: field)
            switch slot {
            case 0: values.0 = value
            case 1: values.1 = value
            case 2: values.2 = value
            case 3: values.3 = value
            case 4: values.4 = value
            default: overflow.append(value)
            }
            slot += 1
        }
    }

    /// `startedSpeakingAt` in seconds since the reference date, when it is there: the first
    /// field, so always in the first slot.
    var startedSpeakingSeconds: Double? {
        presentFields & 0b01 == 0 ? nil : values.0
    }

    /// `startedSpeakingAt` and `stoppedSpeakingAt` in seconds since the reference date, when
    /// both are there: the first two fields, so always in the first two slots.
    var speakingSeconds: (started: Double, stopped: Double)? {
        presentFields & 0b11 == 0b11 ? (values.0, values.1) : nil
    }

    /// The fields of a caller's turn as SpeakNode reports it: speech start and stop, the
    /// transcription, end-of-turn and turn-completed delays (the first five fields).
    private static let callerTurnFields: UInt8 = 0b0001_1111
    /// The fields of an agent's turn: speech start and stop, LLM, TTS and end-to-end latency.
    private static let agentTurnFields: UInt8 = 0b1110_0011

    /// The metrics, given the `overflow` that ``init(_:overflow:)`` made (empty unless the metrics have more than five values).
    ///
    /// Readers ask for an item's metrics again and again (once per latency metric, say), so
    /// the two sets of fields that nearly every turn has are put in place directly, in code
    /// small enough to be inlined where the metrics are read; any other set goes field by field.
    @inline(__always)
    func metrics(overflow: [Double]) -> TurnMetrics {
        switch presentFields {
        case Self.callerTurnFields:
            return TurnMetrics(presentFields: presentFields, values: SIMD8(values.0, values.1, values.2, values.3, values.4, 0, 0, 0))
        case Self.agentTurnFields:
            return TurnMetrics(presentFields: presentFields, values: SIMD8(values.0, values.1, 0, 0, 0, values.2, values.3, values.4))
        default:
            return metricsFieldByField(overflow: overflow)
        }
    }

    @inline(never)
    private func metricsFieldByField(overflow: [Double]) -> TurnMetrics {
        var expanded = SIMD8<Double>()
        var slot = 0
        for field in 0..<TurnMetrics.fieldCount where presentFields & (1 << UInt8(field)) != 0 {
            switch slot {
            case 0: expanded[field] = values.0
            case 1: expanded[field] = values.1
            case 2: expanded[field] = values.2
            case 3: expanded[field] = values.3
            case 4: expanded[field] = values.4
            default: expanded[field] = slot - Self.inlineCount < overflow.count ? overflow[slot - Self.inlineCount] : 0
            }
            slot += 1
        }
        return TurnMetrics(presentFields: presentFields, values: expanded)
    }
}
