import Foundation
import Testing
@testable import SpeakNodeReport

/// The narrow getters that readers use to read an item in place (``HistoryItem/signalFields``,
/// ``HistoryItem/startedSpeakingAt``, ``HistoryItem/speakingSeconds``,
/// ``HistoryItem/storedContent``) say what the full properties say.
@Suite("History items read field by field agree with their properties")
struct HistoryItemNarrowReadingTests {
    static let start = Date(timeIntervalSinceReferenceDate: 800_000_000)

    /// Items with documented, unusual, empty and missing roles and kinds; with and without
    /// content, tool fields, speaking times and more than five metrics.
    static let items: [HistoryItem] = [
        HistoryItem(),
        HistoryItem(role: "User", content: "Hello", kind: "Message", interrupted: true,
                    metrics: TurnMetrics(startedSpeakingAt: start, stoppedSpeakingAt: start.addingTimeInterval(2.5),
                                         transcriptionDelay: 0.2, endOfTurnDelay: 0.4)),
        HistoryItem(role: "Assistant", content: "", kind: "Message", interrupted: false,
                    metrics: TurnMetrics(startedSpeakingAt: start, llmNodeTTFT: 0.9, ttsNodeTTFB: 0.2, e2eLatency: 1.7)),
        HistoryItem(role: "narrator", content: "Once", kind: "message",
                    metrics: TurnMetrics(stoppedSpeakingAt: start, e2eLatency: 1)),
        HistoryItem(role: "", kind: "", createdAt: start,
                    metrics: TurnMetrics(startedSpeakingAt: start.addingTimeInterval(3), stoppedSpeakingAt: start,
                                         transcriptionDelay: 1, endOfTurnDelay: 1, onUserTurnCompletedDelay: 1,
                                         llmNodeTTFT: 1, ttsNodeTTFB: 1, e2eLatency: 1)),
        HistoryItem(role: "Tool", kind: "FunctionCallOutput", toolName: "book", toolCallID: "c1", toolOutput: "{}"),
        HistoryItem(kind: "FunctionCall", toolName: "book", toolArgumentsJSON: "{}"),
        HistoryItem(role: "System", kind: "AgentConfigUpdate", toolsAdded: ["cancel"]),
        HistoryItem(kind: "AgentHandoff", handoffToAgentID: "billing"),
        HistoryItem(role: "Developer", content: "Be brief.", kind: "Instructions"),
    ]

    @Test("signal fields: kind and role as stored, content, interruption, speaking time, tool fields")
    func signalFields() {
        for item in Self.items {
            let fields = item.signalFields
            #expect(fields.kind == HistoryItem.StoredKind(item.kind))
            #expect(fields.role == HistoryItem.StoredRole(item.role))
            #expect(fields.hasContent == (item.content != nil))
            #expect(fields.interrupted == item.interrupted)
            #expect(fields.speakingSeconds == item.speakingSeconds)
            #expect(fields.hasActionDetails == !item.actionDetails.isEmpty)
        }
    }

    @Test("speaking times as the metrics give them")
    func speakingTimes() {
        for item in Self.items {
            #expect(item.startedSpeakingAt == item.metrics?.startedSpeakingAt)
            let expected = item.metrics.flatMap { metrics in
                metrics.startedSpeakingAt.flatMap { started in metrics.stoppedSpeakingAt?.timeIntervalSince(started) }
            }
            #expect(item.speakingSeconds == expected)
        }
        #expect(Self.items[1].speakingSeconds == 2.5)
        // A negative time is given as it is; readers decide what to do with it.
        #expect(Self.items[4].speakingSeconds == -3)
    }

    @Test("the stored content reads back as the content, as a string and as bytes")
    func storedContent() {
        for item in Self.items {
            #expect(item.storedContent?.string == item.content)
            #expect(item.storedContent?.withUTF8 { Array($0) } == item.content.map { Array($0.utf8) })
        }
        let long = HistoryItem.StoredContent.long("kept out of line")
        #expect(long.string == "kept out of line")
        #expect(long.withUTF8 { Array($0) } == Array("kept out of line".utf8))
    }
}
