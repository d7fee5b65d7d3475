import Foundation
import Testing
@testable import SpeakNodeReport

@Suite("Summary document")
struct SummaryDocumentTests {
    typealias F = InsightsFixture

    /// Run "Nightly": t-pass (e2e 1, 2, 3, 4; 61.5 s) and t-fail; run-2 without campaign: a skipped test.
    var deliveries: [Delivery] {
        [
            F.delivery(
                run: "run-1", test: "t-pass", session: "s1", history: F.agentTurns(e2e: [1, 2, 3, 4]),
                order: 0, campaign: "Nightly", duration: 61.5, line: 1
            ),
            F.delivery(
                run: "run-1", test: "t-fail", session: "s2", eval: F.failed(["Wrong date"]),
                history: [F.user("Tomorrow", eot: 0.4)], order: 1, campaign: "Nightly", duration: 20.25, line: 2
            ),
            F.delivery(run: "run-2", test: "t-skip", session: "s3", eval: nil, status: "Cancelled", order: 5, line: 3),
        ]
    }

    var document: SummaryDocument {
        SummaryDocument(F.report(deliveries, evaluator: Evaluator(names: ["t-pass": "Books a table"])))
    }

    @Test("the whole input: worst outcome, counts, duration, pass rate, slow turns, latency, budget")
    func overall() {
        let document = document
        #expect(document.schema == 1)
        #expect(document.outcome == "failed")
        #expect(document.counts == SummaryCounts(tests: 3, passed: 1, failed: 1, errors: 0, skipped: 1, flaky: 0, attempts: 3))
        #expect(document.duration == 81.75)
        #expect(document.passRate == 0.5)
        #expect(document.slowTurns == 3)
        #expect(document.latency(of: .e2eLatency) == LatencyStatistics(count: 4, p50: 2.5, p90: 3.7, p95: 3.85, max: 4))
        #expect(document.latency(of: .endOfTurnDelay) == LatencyStatistics(count: 1, p50: 0.4, p90: 0.4, p95: 0.4, max: 0.4))
        #expect(document.latency.keys.sorted() == ["e2e_latency", "end_of_turn_delay"])
        #expect(document.budget == ["e2e_latency": 1.5, "llm_node_ttft": 1, "tts_node_ttfb": 0.35, "end_of_turn_delay": 0.7])
        #expect(document.latencyGate == nil)
    }

    @Test("runs carry id, campaign name and their own figures; tests carry id, name and theirs")
    func runsAndTests() throws {
        let document = document
        #expect(document.runs.map(\.id) == ["run-1", "run-2"])
        let nightly = try #require(document.runs.first)
        #expect(nightly.name == "Nightly")
        #expect(nightly.outcome == "failed")
        #expect(nightly.passRate == 0.5)
        #expect(nightly.slowTurns == 3)
        #expect(nightly.tests.map(\.name) == ["Books a table", "t-fail"])
        let passing = try #require(nightly.tests.first)
        #expect(passing.id == "t-pass")
        #expect(passing.outcome == "passed")
        #expect(passing.counts == SummaryCounts(tests: 1, passed: 1, failed: 0, errors: 0, skipped: 0, flaky: 0, attempts: 1))
        #expect(passing.duration == 61.5)
        #expect(passing.passRate == 1)
        #expect(passing.latency(of: .e2eLatency)?.p95 == 3.85)
        let skipped = try #require(document.runs.last)
        #expect(skipped.name == nil)
        #expect(skipped.outcome == "skipped")
        #expect(skipped.passRate == nil)
        #expect(skipped.tests.first?.passRate == nil)
    }

    @Test("JSON: snake_case keys, payload metric names, no floating-point noise, absent values left out")
    func json() throws {
        let text = try document.jsonString()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object.keys.sorted() == [
            "budget", "counts", "duration", "latency", "outcome", "pass_rate", "runs", "schema", "slow_turns",
        ])
        let latency = try #require(object["latency"] as? [String: Any])
        let e2e = try #require(latency["e2e_latency"] as? [String: Any])
        #expect(e2e.keys.sorted() == ["count", "max", "p50", "p90", "p95"])
        #expect(text.contains("3.85"))
        #expect(text.contains("3.7"))
        #expect(!text.contains("3.849999"))
        #expect(!text.contains("3.700000"))
        let runs = try #require(object["runs"] as? [[String: Any]])
        #expect(runs.last?["pass_rate"] == nil)
        #expect(runs.last?["name"] == nil)
        #expect(text.hasSuffix("}\n"))
    }

    @Test("the JSON reads back as the same document")
    func roundTrip() throws {
        let document = document
        #expect(try SummaryDocument(jsonData: document.jsonData()) == document)
        let gated = SummaryDocument(F.report(deliveries, evaluator: Evaluator(latencyGate: .max)))
        #expect(gated.latencyGate == "max")
        #expect(try SummaryDocument(jsonData: gated.jsonData()) == gated)
    }

    @Test("the same input gives the same bytes, whatever the order it arrived in")
    func deterministic() throws {
        let expected = try document.jsonData()
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<5 {
            let shuffled = deliveries.shuffled(using: &generator)
            let report = F.report(shuffled, evaluator: Evaluator(names: ["t-pass": "Books a table"]))
            #expect(try SummaryDocument(report).jsonData() == expected)
        }
    }

    @Test("an empty input has no outcome and no pass rate")
    func empty() throws {
        let document = SummaryDocument(F.report([]))
        #expect(document.outcome == nil)
        #expect(document.passRate == nil)
        #expect(document.runs.isEmpty)
        #expect(try SummaryDocument(jsonData: document.jsonData()) == document)
    }

    @Test("another schema, or something that is not a summary, is refused")
    func refused() {
        #expect(throws: SummaryDocumentError.unsupportedSchema(2)) {
            try SummaryDocument(jsonData: Data(#"{"schema": 2}"#.utf8))
        }
        #expect(SummaryDocumentError.unsupportedSchema(2).description
            == "summary document has schema 2; this version reads schema 1")
        #expect(throws: (any Error).self) { try SummaryDocument(jsonData: Data(#"{"runs": []}"#.utf8)) }
        #expect(throws: (any Error).self) { try SummaryDocument(jsonData: Data("not json".utf8)) }
    }
}
