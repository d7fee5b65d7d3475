import Foundation
import SpeakNodeReport
import Testing

@Suite("Report pipeline")
struct ReportPipelineTests {
    @Test func readsCollectsAndEvaluatesWithPolicyAndNames() throws {
        let first = RenderCommandTests.delivery(session: "s1", test: "t1", success: false)
        let retry = RenderCommandTests.delivery(session: "s2", test: "t1", success: true)
        let pipeline = ReportPipeline(
            policy: .all, names: ["t1": "Greets"],
            reader: DeliveryReader(readStandardInput: { Array((first + "\n" + retry + "\n").utf8) }))
        let (report, batch) = pipeline.makeReport(from: ["-"])
        #expect(batch.deliveries.count == 2)
        #expect(report.totals.tests == 1)
        #expect(report.totals.failed == 1, "--attempts all: the failed attempt decides")
        #expect(report.totals.flaky == 1)
        #expect(report.runs.first?.tests.first?.name == "Greets")
        #expect(report.problems.isEmpty)
    }

    @Test func unreadableInputBecomesAProblemInTheReport() {
        let (report, batch) = ReportPipeline().makeReport(from: ["/nonexistent/speaknode.json"])
        #expect(batch.problems.count == 1)
        #expect(report.problems == batch.problems)
    }
}
