import Foundation
import Mustache
@testable import SpeakNodeReport

/// A report made by the evaluator from hand-built transcripts, with slow turns, tool use, a
/// latency-gate failure, two failures with the same reason and a repeated test.
enum InsightsReportFixture {
    typealias F = InsightsFixture

    static let deliveries: [Delivery] = [
        // Fast: passes, e2e well within budget.
        F.delivery(test: "fast", session: "f1", history: [
            F.user("Hi", at: 1, speaking: 1, eot: 0.4), F.agent("Hello!", at: 3, speaking: 2, e2e: 0.8, ttft: 0.3),
            F.agent("How can I help?", at: 6, e2e: 0.9),
        ], campaign: "Nightly", line: 1),
        // Slow: passes its evaluation but its e2e p95 is over 1.5 s; one tool call that errored.
        F.delivery(test: "slow", session: "s1", history: [
            F.user("Book me in", at: 1, speaking: 1, interrupted: true),
            F.toolCall("book_slot", id: "c1"), F.toolOutput("book_slot", id: "c1", isError: true),
            F.agent("One moment <please>", at: 12.3, e2e: 2.4),
            F.agent("Booked", at: 20, e2e: 1.2),
        ], campaign: "Nightly", line: 2),
        // Two failures for the same reason.
        F.delivery(test: "fail-a", session: "a1", eval: F.failed(["Did not confirm"]), history: F.agentTurns(e2e: [1.0]), campaign: "Nightly", line: 3),
        F.delivery(test: "fail-b", session: "b1", eval: F.failed(["Did not confirm"]), campaign: "Nightly", line: 4),
        // Repeated: failed, then passed.
        F.delivery(test: "repeat", session: "r1", eval: F.failed(["Wrong price"]), order: 0, campaign: "Nightly", line: 5),
        F.delivery(test: "repeat", session: "r2", order: 1, campaign: "Nightly", line: 6),
    ]

    static let names = ["fast": "Greets", "slow": "Books a slot", "fail-a": "Confirms A", "fail-b": "Confirms B", "repeat": "Quotes a price"]

    static func report(gate: LatencyGate? = .p95, budget: LatencyBudget = .default) -> Report {
        F.report(deliveries, evaluator: Evaluator(names: names, budget: budget, latencyGate: gate))
    }

    static func context(_ report: Report = report(), baseline: BaselineComparison? = nil) -> MustacheValueBox {
        MustacheValueBox(ReportContext(report: report, options: RenderOptions(baseline: baseline)).value)
    }

    /// The test context of the test named `name` in the first run.
    static func test(_ name: String, in context: MustacheValueBox) -> MustacheValueBox? {
        guard case .list(let tests)? = lookup(context.value, "runs.0.tests") else { return nil }
        return tests.first { lookup($0, "name") == .string(name) }.map(MustacheValueBox.init)
    }
}

/// A context with a lookup by dotted path, for short expectations.
struct MustacheValueBox {
    var value: MustacheValue
    init(_ value: MustacheValue) { self.value = value }
    subscript(_ path: String) -> MustacheValue? { lookup(value, path) }
}
