import Mustache

/// The template values of ``ConversationSignals``: counts, the tools used, talk time, and a
/// one-line `summary` such as `14 turns, 3 tool calls (1 error), 1 interruption, 0 handoffs, talk time 1m 02s`.
enum SignalsContext {
    static func signals(_ signals: ConversationSignals) -> [String: MustacheValue] {
        let talkTime = signals.talkTime.map(DurationText.readable)
        return [
            "turns": .int(signals.turns),
            "interruptions": .int(signals.interruptions),
            "handoffs": .int(signals.handoffs),
            "toolCalls": .int(signals.toolCalls),
            "toolErrors": .int(signals.toolErrors),
            "tools": .list(signals.toolNames.map(MustacheValue.string)),
            "toolsText": .string(signals.toolNames.joined(separator: ", ")),
            "hasTools": .bool(!signals.toolNames.isEmpty),
            "hasToolCalls": .bool(signals.toolCalls > 0),
            "hasToolErrors": .bool(signals.toolErrors > 0),
            "hasInterruptions": .bool(signals.interruptions > 0),
            "hasHandoffs": .bool(signals.handoffs > 0),
            "talkTime": MustacheValue(talkTime),
            "hasTalkTime": .bool(talkTime != nil),
            "summary": .string(summary(signals, talkTime: talkTime)),
        ]
    }

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
