import Mustache

/// The template values of ``ConversationSignals`` (`signals` of a test, a run or the report):
/// counts, the tools used, talk time, and a one-line `summary` such as
/// `14 turns, 3 tool calls (1 error), 1 interruption, 0 handoffs, talk time 1m 02s`, each worked
/// out when a template looks it up.
struct SignalsObject: MustacheObject {
    let signals: ConversationSignals

    enum Key: String, CaseIterable {
        case turns, interruptions, handoffs, toolCalls, toolErrors, tools, toolsText
        case hasTools, hasToolCalls, hasToolErrors, hasInterruptions, hasHandoffs, talkTime, hasTalkTime, summary
    }

    static let keys = NameTable(Key.allCases.map { ($0.rawValue, $0) })

    func member(_ name: String) -> MustacheValue? {
        // Not `Self.keys[name].map(value)`: the closure it makes copies the object (retaining
        // each of its fields) for every look-up.
        guard let key = Self.keys[name] else { return nil }
        return value(key)
    }

    func value(_ key: Key) -> MustacheValue {
        switch key {
        case .turns: .int(signals.turns)
        case .interruptions: .int(signals.interruptions)
        case .handoffs: .int(signals.handoffs)
        case .toolCalls: .int(signals.toolCalls)
        case .toolErrors: .int(signals.toolErrors)
        case .tools: .list(signals.toolNames.map(MustacheValue.string))
        case .toolsText: .string(signals.toolNames.joined(separator: ", "))
        case .hasTools: .bool(!signals.toolNames.isEmpty)
        case .hasToolCalls: .bool(signals.toolCalls > 0)
        case .hasToolErrors: .bool(signals.toolErrors > 0)
        case .hasInterruptions: .bool(signals.interruptions > 0)
        case .hasHandoffs: .bool(signals.handoffs > 0)
        case .talkTime: MustacheValue(signals.talkTime.map(DurationText.readable))
        case .hasTalkTime: .bool(signals.talkTime != nil)
        case .summary: .string(SignalsContext.summary(signals, talkTime: signals.talkTime.map(DurationText.readable)))
        }
    }
}
