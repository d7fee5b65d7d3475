import Foundation
import Testing
@testable import SpeakNodeReport

/// The CLI writes a report's summary without building its ``SummaryDocument``; these tests
/// hold that to the bytes of the document.
@Suite("Summary JSON written from a report")
struct SummaryReportJSONTests {
    typealias F = InsightsFixture

    /// Every metric measured, with values of more than 6 decimals, over two runs with a skipped and a flaky test.
    static var measured: Report {
        let history = [
            F.user("Hello", at: 0, eot: 0.41234567, transcription: 0.3),
            F.agent("Hi", at: 2, e2e: 1.0000004, ttft: 0.25, ttfb: 1.0 / 3),
            F.user("Book", at: 5, eot: 0.5, transcription: 0.2999995),
            F.agent("Done", at: 8, e2e: 2.75),
        ]
        return F.report([
            F.delivery(run: "run-1", test: "t-pass", session: "s1", history: history, campaign: "Nightly", duration: 61.5, line: 1),
            F.delivery(run: "run-1", test: "t-fail", session: "s2", eval: F.failed(["Wrong"]), history: F.agentTurns(e2e: [1, 2, 3]), line: 2),
            F.delivery(run: "run-2", test: "t-skip", session: "s3", eval: nil, status: "Cancelled", order: 5, line: 3),
            F.delivery(run: "run-1", test: "t-flaky", session: "s4", eval: F.failed(["Slow"]), order: 2, line: 4),
            F.delivery(run: "run-1", test: "t-flaky", session: "s5", history: F.agentTurns(e2e: [0.5]), order: 3, line: 5),
        ])
    }

    static var reports: [Report] {
        var reports = [measured, HostileCorpus.report(hostile: false), HostileCorpus.report(hostile: true)]
        if ExampleInput.isAvailable, let names = try? ExampleInput.names() {
            reports.append(ReportPipeline(names: names).makeReport(from: [ExampleInput.deliveries]).0)
        }
        return reports
    }

    @Test("the same bytes as the document's JSON, whole or in pieces")
    func sameBytes() throws {
        for report in Self.reports {
            let document = try SummaryDocument(report).jsonBytes()
            #expect(try SummaryDocument.jsonBytes(of: report) == document)
            var pieces: [[UInt8]] = []
            try SummaryDocument.writeJSON(of: report, pieceSize: 4096) { pieces.append($0) }
            #expect(Array(pieces.joined()) == document)
        }
    }

    @Test("latency statistics of every metric, in the byte order of their payload names")
    func metricOrder() {
        #expect(LatencyMetric.inPayloadNameOrder.map(\.payloadName) == LatencyMetric.allCases.map(\.payloadName).sorted())
        #expect(Set(LatencyMetric.inPayloadNameOrder) == Set(LatencyMetric.allCases))
    }

    @Test("an empty report")
    func emptyReport() throws {
        let report = ReportPipeline().makeReport(from: []).0
        #expect(try SummaryDocument.jsonBytes(of: report) == SummaryDocument(report).jsonBytes())
    }
}
