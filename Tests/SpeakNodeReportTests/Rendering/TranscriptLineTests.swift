import Foundation
import Testing
@testable import SpeakNodeReport

@Suite("Transcript lines")
struct TranscriptLineTests {
    /// One history item of each kind, the first two with times.
    static let everyKind: Conversation = {
        let start = ReportFixture.start
        return Conversation(
            startTime: start,
            history: [
                HistoryItem(role: "User", content: "Monday please", kind: "Message", createdAt: start.addingTimeInterval(12.3)),
                HistoryItem(role: "Agent", kind: "FunctionCall", createdAt: start.addingTimeInterval(15), toolName: "book_slot", toolArgumentsJSON: #"{"day":"mon"}"#),
                HistoryItem(kind: "FunctionCallOutput", toolOutput: "slot taken", toolIsError: true),
                HistoryItem(kind: "AgentHandoff", handoffToAgentID: "billing"),
                HistoryItem(kind: "AgentConfigUpdate", instructions: "Be brief", toolsAdded: ["refund", "lookup"]),
                HistoryItem(role: "Assistant", content: "Sorry", kind: "Message", interrupted: true),
                HistoryItem(content: "?", kind: "SomethingNew"),
            ])
    }()

    @Test("Each kind of history item reads as one line, offset from the conversation's start")
    func kinds() {
        let lines = TranscriptLine.lines(of: Self.everyKind)
        #expect(lines.map(\.line) == [
            "[00:12.3] User: Monday please",
            #"[00:15.0] Agent → tool book_slot({"day":"mon"})"#,
            "tool error: slot taken",
            "handoff → agent billing",
            "config update: instructions: Be brief; tools added: refund, lookup",
            "Assistant: Sorry (interrupted)",
            "SomethingNew: ?",
        ])
        #expect(lines[2].isError)
    }

    @Test("Written as plain text, a transcript reads as its lines joined", arguments: [
        everyKind, Conversation(history: []),
        // Kinds read from the fields when the payload names none.
        Conversation(history: [
            HistoryItem(toolName: "lookup", toolOutput: "ok"), HistoryItem(toolName: "lookup"),
            HistoryItem(handoffToAgentID: "billing"), HistoryItem(toolsAdded: ["refund"]), HistoryItem(kind: "AgentConfigUpdate"),
            HistoryItem(role: " ", content: "<&>\u{202E}"), HistoryItem(),
        ]),
        Conversation(history: [HistoryItem(role: "User", content: String(repeating: "é", count: 3000), kind: "Message")]),
        // Messages of every stored role (written with their offset and speaker in one piece), of
        // an unusual and a missing role, without content, interrupted, and past 100 minutes.
        Conversation(startTime: ReportFixture.start, history: [
            HistoryItem(role: "User", content: "hi", kind: "Message", createdAt: ReportFixture.start.addingTimeInterval(0.04)),
            HistoryItem(role: "Assistant", content: "", kind: "Message", interrupted: true),
            HistoryItem(role: "Tool", kind: "Message", createdAt: ReportFixture.start.addingTimeInterval(6000.06)),
            HistoryItem(role: "System", content: "naïve ✓", kind: "Message", interrupted: false),
            HistoryItem(role: "Caller", content: "x", kind: "Message", createdAt: ReportFixture.start.addingTimeInterval(-3)),
            HistoryItem(role: String(repeating: "r", count: 2100), content: "y", kind: "Message"),
            HistoryItem(content: String(repeating: "z", count: 2000), kind: "Message"),
            HistoryItem(content: String(repeating: "z", count: 2001), kind: "Message", createdAt: ReportFixture.start.addingTimeInterval(59.96)),
        ]),
    ])
    func written(_ conversation: Conversation) {
        var lines = PlainTextLines()
        lines.appendLine("transcript:")
        TranscriptLine.write(conversation, into: &lines)
        #expect(lines.text == (["transcript:"] + TranscriptLine.lines(of: conversation).map(\.line)).joined(separator: "\n"))
    }

    @Test("The last lines are the end of all the lines", arguments: [0, 1, 3, 7, 8, 50])
    func lastLines(count: Int) {
        let all = TranscriptLine.lines(of: Self.everyKind)
        #expect(TranscriptLine.lines(of: Self.everyKind, last: count) == Array(all.suffix(count)))
    }

    @Test("Without a start time, offsets count from the first item with a time")
    func firstItemStart() {
        let start = ReportFixture.start
        let conversation = Conversation(history: [
            HistoryItem(role: "User", content: "a", kind: "Message", createdAt: start.addingTimeInterval(5)),
            HistoryItem(role: "Agent", content: "b", kind: "Message", createdAt: start.addingTimeInterval(7.5)),
        ])
        #expect(TranscriptLine.lines(of: conversation).map(\.offset) == ["00:00.0", "00:02.5"])
    }

    @Test("Very long text is cut, saying how much was left out")
    func longText() {
        let conversation = Conversation(history: [HistoryItem(role: "User", content: String(repeating: "x", count: 5000), kind: "Message")])
        let line = TranscriptLine.lines(of: conversation)[0].line
        #expect(line.count < 2100)
        #expect(line.hasSuffix("… (3000 more characters)"))
    }
}
