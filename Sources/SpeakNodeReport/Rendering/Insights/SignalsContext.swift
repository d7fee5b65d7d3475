import Mustache

/// The text of ``ConversationSignals`` that templates (``SignalsObject``) and plain-text places share.
enum SignalsContext {
    /// `14 turns, 3 tool calls (1 error), 1 interruption, 0 handoffs, talk time 1m 02s`.
    static func summary(_ signals: ConversationSignals, talkTime: String?) -> String {
        var toolCalls = ReportContext.counted(signals.toolCalls, "tool call", "tool calls")
        if signals.toolErrors > 0 {
            toolCalls += " (\(ReportContext.counted(signals.toolErrors, "error", "errors")))"
        }
        var parts = [
            ReportContext.counted(signals.turns, "turn", "turns"),
            toolCalls,
            ReportContext.counted(signals.interruptions, "interruption", "interruptions"),
            ReportContext.counted(signals.handoffs, "handoff", "handoffs"),
        ]
        if let talkTime { parts.append("talk time \(talkTime)") }
        return parts.joined(separator: ", ")
    }
}
