/// A latency the LiveKit Agents pipeline measures on a turn, named as the payload names it.
///
/// The raw value is the key under `metrics` in a history item, so the machine-readable
/// summary and anything keyed by it read the same as the input.
public enum LatencyMetric: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    /// Agent turn: user stopped speaking → agent started speaking, the wait a caller hears.
    case e2eLatency = "e2e_latency"
    /// Agent turn: time to the first LLM token.
    case llmNodeTTFT = "llm_node_ttft"
    /// Agent turn: time to the first synthesized audio.
    case ttsNodeTTFB = "tts_node_ttfb"
    /// User turn: speech end → end-of-turn decision.
    case endOfTurnDelay = "end_of_turn_delay"
    /// User turn: speech end → final transcript (overlaps ``endOfTurnDelay``; never add the two).
    case transcriptionDelay = "transcription_delay"

    /// The name in the payload's `metrics` object, e.g. `e2e_latency`.
    public var payloadName: String { rawValue }

    /// The short key `--budget` uses for this metric (`e2e`, `ttft`, `ttfb`, `eot`, `transcription`).
    public var budgetKey: String {
        switch self {
        case .e2eLatency: "e2e"
        case .llmNodeTTFT: "ttft"
        case .ttsNodeTTFB: "ttfb"
        case .endOfTurnDelay: "eot"
        case .transcriptionDelay: "transcription"
        }
    }

    /// A few words for a reader, e.g. "End-to-end latency".
    public var title: String {
        switch self {
        case .e2eLatency: "End-to-end latency"
        case .llmNodeTTFT: "LLM time to first token"
        case .ttsNodeTTFB: "TTS time to first byte"
        case .endOfTurnDelay: "End-of-turn delay"
        case .transcriptionDelay: "Transcription delay"
        }
    }

    /// The measured value of this metric in a turn's metrics, in seconds.
    ///
    /// `nil` when the turn did not measure it: missing, `null`, `0`, negative or not a finite
    /// number all mean "not measured", so statistics never count an unmeasured turn as instant.
    public func value(in metrics: TurnMetrics) -> Double? {
        let value: Double? = switch self {
        case .e2eLatency: metrics.e2eLatency
        case .llmNodeTTFT: metrics.llmNodeTTFT
        case .ttsNodeTTFB: metrics.ttsNodeTTFB
        case .endOfTurnDelay: metrics.endOfTurnDelay
        case .transcriptionDelay: metrics.transcriptionDelay
        }
        guard let value, value.isFinite, value > 0 else { return nil }
        return value
    }

    /// The measured value of every metric in a turn's metrics (see ``value(in:)``), by
    /// ``index``; 0 for a metric the turn did not measure and in the lanes past the last metric.
    @inline(__always)
    static func measuredValues(in metrics: TurnMetrics) -> SIMD8<Double> {
        SIMD8(
            e2eLatency.value(in: metrics) ?? 0, llmNodeTTFT.value(in: metrics) ?? 0,
            ttsNodeTTFB.value(in: metrics) ?? 0, endOfTurnDelay.value(in: metrics) ?? 0,
            transcriptionDelay.value(in: metrics) ?? 0, 0, 0, 0
        )
    }

    /// In declaration order: the caller-facing wait first, then its parts.
    public static func < (lhs: LatencyMetric, rhs: LatencyMetric) -> Bool {
        lhs.index < rhs.index
    }

    /// The position in ``allCases`` (declaration order), from 0: where compact storage such
    /// as ``LatencyMetricSet`` and ``LatencySamples`` keeps this metric.
    var index: Int {
        switch self {
        case .e2eLatency: 0
        case .llmNodeTTFT: 1
        case .ttsNodeTTFB: 2
        case .endOfTurnDelay: 3
        case .transcriptionDelay: 4
        }
    }
}
