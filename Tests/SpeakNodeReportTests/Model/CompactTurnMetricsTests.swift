import Foundation
import Testing
@testable import SpeakNodeReport

/// An item keeps up to five measurements inline and the rest out of line; every subset of
/// the eight must read back as it was set, and compare and hash as it did.
@Suite("Compact turn metrics")
struct CompactTurnMetricsTests {
    private static let setters: [@Sendable (inout TurnMetrics, Double) -> Void] = [
        { $0.startedSpeakingAt = Date(timeIntervalSinceReferenceDate: 785_000_000 + $1) },
        { $0.stoppedSpeakingAt = Date(timeIntervalSinceReferenceDate: 785_000_002 + $1) },
        { $0.transcriptionDelay = $1 }, { $0.endOfTurnDelay = $1 + 0.1 }, { $0.onUserTurnCompletedDelay = $1 + 0.2 },
        { $0.llmNodeTTFT = $1 + 0.3 }, { $0.ttsNodeTTFB = $1 + 0.4 }, { $0.e2eLatency = $1 + 0.5 },
    ]

    private static func metrics(fields: Int, offset: Double = 0.25) -> TurnMetrics {
        var metrics = TurnMetrics()
        for field in 0..<8 where fields & (1 << field) != 0 { setters[field](&metrics, offset) }
        return metrics
    }

    @Test("every subset of the measurements reads back, through the initializer and the setter")
    func everySubset() {
        for fields in 0..<256 {
            let metrics = Self.metrics(fields: fields)
            let built = HistoryItem(role: "User", content: "Hi", metrics: metrics)
            var set = HistoryItem(role: "User", content: "Hi")
            set.metrics = metrics
            #expect(built.metrics == metrics && set.metrics == metrics)
            #expect(built == set && built.hashValue == set.hashValue)
            // Changing the metrics back to fewer leaves nothing behind out of line.
            set.metrics = Self.metrics(fields: fields & 0b0001_1111)
            set.metrics = metrics
            #expect(set == built)
            var cleared = built
            cleared.metrics = nil
            #expect(cleared == HistoryItem(role: "User", content: "Hi"))
        }
    }

    @Test("different values or fields make different items")
    func differences() {
        let base = HistoryItem(metrics: Self.metrics(fields: 0b1111_1111))
        #expect(base != HistoryItem(metrics: Self.metrics(fields: 0b1111_1111, offset: 0.5)))
        #expect(base != HistoryItem(metrics: Self.metrics(fields: 0b0111_1111)))
        #expect(HistoryItem(metrics: TurnMetrics()) != HistoryItem())
        #expect(HistoryItem(metrics: TurnMetrics()).metrics == TurnMetrics())
    }
}
