import Foundation

/// Latency measurements of one turn, in seconds, as the LiveKit Agents pipeline reports them.
///
/// A value that is missing, `null` or `0` means "not measured": the decoder stores `nil`
/// for all three, so statistics never mistake an unmeasured turn for an instant one.
public struct TurnMetrics: Sendable, Hashable {
    public var startedSpeakingAt: Date?
    public var stoppedSpeakingAt: Date?
    /// User turn: speech end → final transcript.
    public var transcriptionDelay: Double?
    /// User turn: speech end → end-of-turn decision (overlaps `transcriptionDelay`).
    public var endOfTurnDelay: Double?
    public var onUserTurnCompletedDelay: Double?
    /// Agent turn: time to the first LLM token.
    public var llmNodeTTFT: Double?
    /// Agent turn: time to the first synthesized audio.
    public var ttsNodeTTFB: Double?
    /// Agent turn: user stopped speaking → agent started speaking, the wait a caller hears.
    public var e2eLatency: Double?

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
}
