import Mustache

/// The template values of the slow turns that ``LatencyStatsObject`` lists, and the slow-turn
/// text plain-text places share.
enum LatencyContext {
    /// How many slow turns a summary lists before "… and N more", so a run of many slow
    /// conversations still fits a GitHub comment.
    static let slowTurnPreviewLimit = 20

    /// A slow turn: where it is (`offset` `00:12.3`), who said what, and what went over budget
    /// (`overrunsText`: `e2e_latency 1.92 s (budget 1.5 s)`).
    static func slowTurn(_ turn: SlowTurn) -> [String: MustacheValue] {
        let overruns = turn.overruns.map(overrunValues)
        let overrunsText = overruns.map(\.text).joined(separator: ", ")
        let text = turn.text ?? ""
        return [
            "offset": MustacheValue(turn.offset.map(DurationText.offset)),
            "hasOffset": .bool(turn.offset != nil),
            "role": MustacheValue(turn.role),
            "speaker": .string(speaker(turn) ?? "Turn"),
            "text": .string(shortened(text)),
            "hasText": .bool(!text.isBlankText),
            "sessionID": MustacheValue(turn.sessionID),
            "itemID": MustacheValue(turn.itemID),
            "position": .int(turn.historyIndex + 1),
            "overruns": .list(overruns.map { .object($0.values) }),
            "overrunsText": .string(overrunsText),
        ]
    }

    /// Who spoke in the turn: its role, or `nil` when the role is missing or blank.
    ///
    /// Nearly every role (`User`, `Assistant`) starts with a printable ASCII character, which no
    /// whitespace is, so only other roles are read character by character.
    static func speaker(_ turn: SlowTurn) -> String? {
        guard let role = turn.role else { return nil }
        if let first = role.utf8.first, (0x21...0x7E).contains(first) { return role }
        return role.isBlankText ? nil : role
    }

    static func overrun(_ overrun: BudgetOverrun) -> [String: MustacheValue] {
        overrunValues(overrun).values
    }

    /// An overrun's values and its text (``overrunText(_:)``).
    private static func overrunValues(_ overrun: BudgetOverrun) -> (values: [String: MustacheValue], text: String) {
        let text = overrunText(overrun)
        let values: [String: MustacheValue] = [
            "metric": .string(overrun.metric.payloadName),
            "key": .string(overrun.metric.budgetKey),
            "value": .string(InsightFormat.format(overrun.value)),
            "budget": .string(InsightFormat.format(overrun.budget)),
            "excess": .string(InsightFormat.format(overrun.excess)),
            "text": .string(text),
        ]
        return (values, text)
    }

    /// `e2e_latency 1.92 s (budget 1.5 s)`.
    static func overrunText(_ overrun: BudgetOverrun) -> String {
        ASCIIText.string(capacity: maximumOverrunTextLength) { writeOverrunText(overrun, into: &$0) }
    }

    /// The most bytes ``writeOverrunText(_:into:)`` writes: the longest metric name
    /// (`transcription_delay`), two values, and the 11 bytes of ` `, ` (budget ` and `)`.
    static let maximumOverrunTextLength = 11
        + (LatencyMetric.allCases.map(\.payloadName.utf8.count).max() ?? 0) + 2 * InsightFormat.maximumLength

    /// Writes ``overrunText(_:)``'s text into `text`, which has room for
    /// ``maximumOverrunTextLength`` more bytes: for JUnit's slow-turn lines, written as bytes.
    static func writeOverrunText(_ overrun: BudgetOverrun, into text: inout ASCIIText) {
        text.append(string: overrun.metric.payloadName)
        text.append(" ")
        InsightFormat.write(overrun.value, into: &text)
        text.append(" (budget ")
        InsightFormat.write(overrun.budget, into: &text)
        text.append(")")
    }

    /// Slow-turn lists quote what was said; a very long turn is cut like a transcript line.
    static let maximumTextLength = 300

    static func shortened(_ text: String) -> String {
        text.characterPrefix(ifLongerThan: maximumTextLength).map { String($0) + "…" } ?? text
    }

    /// What ``shortened(_:)`` keeps of a text given as its valid UTF-8 bytes, when the bytes
    /// alone tell: how many of them, and whether the text is cut (and `…` follows). `nil` when
    /// only counting the text's characters can tell.
    ///
    /// A text of no more bytes than ``maximumTextLength`` is kept whole. A longer one is walked
    /// as ``String/characterPrefix(ifLongerThan:)`` walks it (``CharacterBoundaries/separateScalars(in:upTo:)``):
    /// while every scalar is a character of its own (ASCII, Latin, Greek, Cyrillic, CJK…), the
    /// bytes tell where its first ``maximumTextLength`` characters end, with no string made of
    /// the text and no character counted by `String`.
    static func shortenedPrefix(ofUTF8 text: UnsafeBufferPointer<UInt8>) -> (count: Int, isCut: Bool)? {
        guard text.count > maximumTextLength else { return (text.count, false) }
        switch CharacterBoundaries.separateScalars(in: text, upTo: maximumTextLength) {
        case .fewer: return (text.count, false)
        case .cut(let byteCount): return (byteCount, true)
        case .boundary: return nil
        }
    }
}
