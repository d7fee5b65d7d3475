/// The text of ``ConversationSignals`` that templates (``SignalsObject``) and plain-text places share.
enum SignalsContext {
    /// `14 turns, 3 tool calls (1 error), 1 interruption, 0 handoffs, talk time 1m 02s`.
    static func summary(_ signals: ConversationSignals, talkTime: String?) -> String {
        ASCIIText.string(capacity: maximumSummaryLength(talkTime: talkTime)) { text in
            write(signals, talkTime: talkTime, into: &text)
        }
    }

    /// The most bytes ``write(_:talkTime:into:)`` writes: five counts of at most 20 digits
    /// each, their words and separators (under 80 bytes), and the talk time.
    static func maximumSummaryLength(talkTime: String?) -> Int {
        192 + (talkTime?.utf8.count ?? 0)
    }

    /// Writes ``summary(_:talkTime:)``'s text into `text`, which has room for
    /// ``maximumSummaryLength(talkTime:)`` more bytes: JUnit's `<system-out>` writes it for every
    /// test, and as one piece of a line it needs no string of its own (nor one for each count).
    static func write(_ signals: ConversationSignals, talkTime: String?, into text: inout ASCIIText) {
        writeCounted(signals.turns, "turn", "turns", into: &text)
        text.append(", ")
        writeCounted(signals.toolCalls, "tool call", "tool calls", into: &text)
        if signals.toolErrors > 0 {
            text.append(" (")
            writeCounted(signals.toolErrors, "error", "errors", into: &text)
            text.append(")")
        }
        text.append(", ")
        writeCounted(signals.interruptions, "interruption", "interruptions", into: &text)
        text.append(", ")
        writeCounted(signals.handoffs, "handoff", "handoffs", into: &text)
        if let talkTime {
            text.append(", talk time ")
            text.append(string: talkTime)
        }
    }

    /// `1 turn`, `2 turns`: what ``ReportContext/counted(_:_:_:)`` gives.
    private static func writeCounted(_ count: Int, _ singular: StaticString, _ plural: StaticString, into text: inout ASCIIText) {
        text.append(count)
        text.append(" ")
        text.append(count == 1 ? singular : plural)
    }
}
