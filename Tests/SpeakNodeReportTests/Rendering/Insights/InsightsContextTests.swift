import Foundation
import Mustache
import Testing
@testable import SpeakNodeReport

@Suite("Insights template context")
struct InsightsContextTests {
    let context = InsightsReportFixture.context()

    @Test("A test failed by the latency gate shows the gate's failure as its message, reason and type")
    func latencyFailure() throws {
        let test = try #require(InsightsReportFixture.test("Books a slot", in: context))
        let message = "e2e_latency p95 2.34 s is over the budget of 1.5 s"
        #expect(test["outcome"] == "failed")
        #expect(test["isFailed"] == true)
        #expect(test["hasLatencyFailure"] == true)
        #expect(test["latencyFailure.message"] == .string(message))
        #expect(test["message"] == .string(message))
        #expect(test["reasons"] == [.string(message)])
        #expect(test["reasonsText"] == .string(message))
        #expect(test["type"] == "LatencyBudget")
        #expect(test["decidingAttempt.outcome"] == "passed", "the attempt itself passed its evaluation")
        let failures = try #require(context["failures"])
        #expect(lookup(failures, "0.name") != nil)
        #expect(context["latencyFailureCount"] == 1)
        #expect(context["latencyGate"] == "p95")
    }

    @Test("A test that passed the gate keeps its own message and has no latency failure")
    func withinBudget() throws {
        let test = try #require(InsightsReportFixture.test("Greets", in: context))
        #expect(test["outcome"] == "passed")
        #expect(test["hasLatencyFailure"] == false)
        #expect(test["latencyFailure"] == .null)
        #expect(test["type"] == "passed")
    }

    @Test("Latency rows are pre-formatted and flag a p95 over budget")
    func latencyRows() throws {
        let test = try #require(InsightsReportFixture.test("Books a slot", in: context))
        #expect(test["latencyStats.metrics.0.metric"] == "e2e_latency")
        #expect(test["latencyStats.metrics.0.count"] == 2)
        #expect(test["latencyStats.metrics.0.p50"] == "1.8 s")
        #expect(test["latencyStats.metrics.0.p95"] == "2.34 s")
        #expect(test["latencyStats.metrics.0.max"] == "2.4 s")
        #expect(test["latencyStats.metrics.0.budget"] == "1.5 s")
        #expect(test["latencyStats.metrics.0.isOverBudget"] == true)
        #expect(test["latencyStats.e2e.p95"] == "2.34 s")
        let fast = try #require(InsightsReportFixture.test("Greets", in: context))
        #expect(fast["latencyStats.e2e.p95"] == "895 ms")
        #expect(fast["latencyStats.e2e.isOverBudget"] == false)
        let silent = try #require(InsightsReportFixture.test("Confirms B", in: context))
        #expect(silent["latencyStats.hasMetrics"] == false)
        #expect(silent["latencyStats.e2e"] == .null)
    }

    @Test("Plain-text slow-turn lines: offset, speaker (or the turn's position), text, then every overrun")
    func slowTurnLines() {
        let long = String(repeating: "é", count: 301)
        let turns = [
            SlowTurn(sessionID: "s", historyIndex: 3, itemID: nil, role: "Assistant", text: "Sure, I'll book it.",
                     offset: 72.34, overruns: [
                        BudgetOverrun(metric: .e2eLatency, value: 1.923, budget: 1.5),
                        BudgetOverrun(metric: .llmNodeTTFT, value: 0.85, budget: 0.5),
                     ]),
            SlowTurn(sessionID: "s", historyIndex: 6, itemID: nil, role: " ", text: long, offset: nil,
                     overruns: [BudgetOverrun(metric: .transcriptionDelay, value: 2e12, budget: 1)]),
        ]
        var lines = PlainTextLines()
        InsightsContext.writeLatencyLines(Insights(slowTurns: turns), into: &lines)
        #expect(lines.text == """
            slow turns: 2
            slow turn [01:12.3] Assistant: Sure, I'll book it. — e2e_latency 1.92 s (budget 1.5 s), llm_node_ttft 850 ms (budget 500 ms)
            slow turn Turn 7: \(String(repeating: "é", count: 300))… — transcription_delay 2000000000000.0 s (budget 1 s)
            """)
    }

    @Test("An overrun's text is its metric, value and budget, and fits its capacity for every metric and the longest values")
    func overrunText() {
        #expect(LatencyContext.overrunText(BudgetOverrun(metric: .e2eLatency, value: 1.923, budget: 1.5))
            == "e2e_latency 1.92 s (budget 1.5 s)")
        for metric in LatencyMetric.allCases {
            for seconds in [0.0123, 1.923, 123_456_789.5, 2e12, -1.7976931348623157e308, .infinity] {
                let overrun = BudgetOverrun(metric: metric, value: seconds, budget: seconds)
                let text = LatencyContext.overrunText(overrun)
                #expect(text == "\(metric.payloadName) \(InsightFormat.format(seconds)) (budget \(InsightFormat.format(seconds)))")
                #expect(text.utf8.count <= LatencyContext.maximumOverrunTextLength)
            }
        }
    }

    @Test("A slow turn's text cut from its bytes is the text cut by characters", arguments: [
        "", "short", String(repeating: "a", count: 300), String(repeating: "a", count: 301), String(repeating: "ab ", count: 200),
        String(repeating: "a", count: 300) + "\u{301}bbb", String(repeating: "a", count: 299) + "\r\nbbb",
        String(repeating: "é", count: 400), "\r\n" + String(repeating: "x", count: 400),
        String(repeating: "é", count: 300), String(repeating: "é", count: 301), String(repeating: "Ж", count: 200) + "a",
        String(repeating: "日本語", count: 100), String(repeating: "日本語", count: 101), String(repeating: "é", count: 299) + "e\u{301}x",
        String(repeating: "é", count: 200) + "👍" + String(repeating: "x", count: 200), String(repeating: "— ", count: 160),
        String(repeating: "a", count: 299) + "\r\n", String(repeating: "é", count: 300) + "\r\n",
    ])
    func shortenedFromBytes(text: String) {
        let fromBytes = Array(text.utf8).withUnsafeBufferPointer { bytes in
            LatencyContext.shortenedPrefix(ofUTF8: bytes).map { kept in
                String(decoding: bytes[..<kept.count], as: UTF8.self) + (kept.isCut ? "…" : "")
            }
        }
        if let fromBytes { #expect(fromBytes == LatencyContext.shortened(text)) }
        // Only a scalar that may join its neighbours (a combining mark, an emoji, a carriage
        // return) among the first 301 characters leaves the cut to `String`.
        let joins = text.unicodeScalars.prefix(301).contains { !CharacterBoundaries.isAlwaysSeparate($0.value) }
        #expect((fromBytes == nil) == (text.utf8.count > 300 && joins))
    }

    @Test("The signals summary counts each signal, singular for one, and adds the talk time when known")
    func signalsSummary() {
        let many = ConversationSignals(
            turns: 14, interruptions: 1, handoffs: 0, toolCalls: 3, toolErrors: 2, toolNames: [], talkTime: 62)
        #expect(SignalsContext.summary(many, talkTime: "1m 02s")
            == "14 turns, 3 tool calls (2 errors), 1 interruption, 0 handoffs, talk time 1m 02s")
        let one = ConversationSignals(
            turns: 1, interruptions: 2, handoffs: 1, toolCalls: 1, toolErrors: 0, toolNames: [], talkTime: nil)
        #expect(SignalsContext.summary(one, talkTime: nil) == "1 turn, 1 tool call, 2 interruptions, 1 handoff")
    }

    @Test("Slow turns are counted and listed with offset, speaker, text and what went over budget")
    func slowTurns() throws {
        let test = try #require(InsightsReportFixture.test("Books a slot", in: context))
        #expect(test["latencyStats.slowTurnCount"] == 1)
        #expect(test["latencyStats.slowTurnsText"] == "1 slow turn")
        #expect(test["latencyStats.slowTurns.0.offset"] == "00:12.3")
        #expect(test["latencyStats.slowTurns.0.speaker"] == "Assistant")
        #expect(test["latencyStats.slowTurns.0.text"] == "One moment <please>")
        #expect(test["latencyStats.slowTurns.0.overrunsText"] == "e2e_latency 2.4 s (budget 1.5 s)")
        #expect(context["runs.0.latencyStats.slowTurnCount"] == 1)
        #expect(context["latencyStats.slowTurnsText"] == "1 slow turn")
    }

    @Test("The slow turn is marked in the transcript of its attempt")
    func transcriptMarks() throws {
        let test = try #require(InsightsReportFixture.test("Books a slot", in: context))
        guard case .list(let lines)? = test["attempts.0.transcript"] else {
            Issue.record("no transcript")
            return
        }
        let slow = lines.filter { lookup($0, "isSlow") == true }
        #expect(slow.count == 1)
        #expect(slow.first.flatMap { lookup($0, "text") } == "Assistant: One moment <please>")
        #expect(slow.first.flatMap { lookup($0, "slowText") } == "slow: e2e_latency 2.4 s (budget 1.5 s)")
        #expect(test["transcript.3.isSlow"] == true, "the test's own transcript (deciding attempt) is marked too")
        #expect(test["transcript.0.isSlow"] == false)
    }

    @Test("Conversation signals per test and run")
    func signals() throws {
        let test = try #require(InsightsReportFixture.test("Books a slot", in: context))
        #expect(test["signals.turns"] == 3)
        #expect(test["signals.interruptions"] == 1)
        #expect(test["signals.toolCalls"] == 1)
        #expect(test["signals.toolErrors"] == 1)
        #expect(test["signals.toolsText"] == "book_slot")
        #expect(test["signals.talkTime"] == "1.0s")
        #expect(test["signals.summary"] == "3 turns, 1 tool call (1 error), 1 interruption, 0 handoffs, talk time 1.0s")
        #expect(context["runs.0.signals.toolCalls"] == 1)
        #expect(context["signals.hasTools"] == true)
    }

    @Test("Failure patterns group failed tests by reason, most common first")
    func failurePatterns() {
        #expect(context["failurePatterns.hasPatterns"] == true)
        #expect(context["failurePatterns.byReason.0.text"] == "2 tests: Did not confirm")
        #expect(context["failurePatterns.byReason.0.testsText"] == "Confirms A, Confirms B")
        #expect(context["failurePatterns.byReason.1.text"] == "1 test: e2e_latency p95 over the budget of 1.5 s")
        #expect(context["runs.0.failurePatterns.byReason.0.count"] == 2)
        #expect(context["failurePatterns.byCompletionReasonText"] == "StepsExhausted (2), Completed (1)")
    }

    @Test("A repeated test shows its pass rate; a single attempt shows none")
    func repeats() throws {
        let repeated = try #require(InsightsReportFixture.test("Quotes a price", in: context))
        #expect(repeated["repeat.passRate"] == "50%")
        #expect(repeated["repeat.text"] == "1 of 2 evaluated attempts passed (50%)")
        let single = try #require(InsightsReportFixture.test("Greets", in: context))
        #expect(single["repeat"] == .null)
        #expect(context["repeatedTests.0.name"] == "Quotes a price")
        #expect(context["runs.0.repeatedTests.0.runName"] == "Nightly (run-1)")
    }

    @Test("The budget and the gate are described at the root")
    func budget() {
        #expect(context["budgetText"] == "e2e 1.5 s, ttft 1 s, ttfb 350 ms, eot 700 ms")
        #expect(context["budget.0.metric"] == "e2e_latency")
        let ungated = InsightsReportFixture.context(InsightsReportFixture.report(gate: nil, budget: .none))
        #expect(ungated["hasBudget"] == false)
        #expect(ungated["hasLatencyGate"] == false)
        #expect(ungated["latencyStats.hasSlowTurns"] == false)
    }

    @Test("The e2e histogram counts every measured turn into round bins up to the budget or the slowest turn")
    func histogram() throws {
        let chart = try #require(context["runs.0.e2eHistogram"])
        guard case .list(let bars)? = lookup(chart, "bars") else {
            Issue.record("no bars")
            return
        }
        #expect(bars.count == 10, "250 ms bins up to 2.4 s")
        let counts = bars.compactMap { bar -> Int? in
            if case .int(let count)? = lookup(bar, "count") { return count }
            return nil
        }
        #expect(counts.reduce(0, +) == 5, "every e2e turn of the run")
        #expect(lookup(chart, "binWidth") == "250 ms")
        #expect(lookup(chart, "hasBudget") == true)
        #expect(lookup(bars[6], "isOverBudget") == true, "the bin from 1.5 s on is over budget")
        #expect(lookup(bars[5], "isOverBudget") == false)
        #expect(lookup(chart, "budgetX") == "367.2", "1.5 s of 2.5 s across the 552-unit plot from x = 36")
    }

    @Test("The p95 chart has one bar per test that measured e2e, flagged when over budget")
    func p95Chart() throws {
        let chart = try #require(context["runs.0.e2eP95Chart"])
        guard case .list(let rows)? = lookup(chart, "rows") else {
            Issue.record("no rows")
            return
        }
        #expect(rows.compactMap { lookup($0, "name") } == ["Books a slot", "Confirms A", "Greets"])
        #expect(rows.compactMap { lookup($0, "isOverBudget") } == [true, false, false])
        #expect(lookup(chart, "budget") == "1.5 s")
        #expect(context["runs.0.hasE2EP95Chart"] == true)
    }

    @Test("Slowest first: by e2e p95, unmeasured last, then by name and id")
    func slowestOrder() {
        func test(_ id: String, _ name: String, p95: Double?) -> TestResult {
            var test = ReportFixture.test(id: id, attempts: [ReportFixture.attempt(.passed, ReportFixture.conversation(session: id))])
            test.name = name
            test.insights = Insights(samples: LatencySamples(p95.map { [.e2eLatency: [$0]] } ?? [:]))
            return test
        }
        let tests = [
            test("a", "B", p95: 1), test("b", "A", p95: nil), test("c", "C", p95: 2), test("d", "A", p95: 1),
            test("e", "A", p95: nil), test("f", "B", p95: 1), test("g", "Z", p95: 0.5),
        ]
        let expected = tests.sorted { lhs, rhs in
            let left = lhs.insights.statistics(of: .e2eLatency)?.p95
            let right = rhs.insights.statistics(of: .e2eLatency)?.p95
            if left != right {
                guard let left else { return false }
                guard let right else { return true }
                return left > right
            }
            return (lhs.name, lhs.id) < (rhs.name, rhs.id)
        }
        #expect(InsightsContext.slowestFirst(tests).map(\.id) == expected.map(\.id))
        #expect(InsightsContext.slowestFirst(tests).map(\.id) == ["c", "d", "a", "f", "g", "b", "e"])
    }

    @Test("Summaries list a run's tests slowest first, at most 25")
    func slowestTests() {
        #expect(context["runs.0.slowestTests.0.name"] == "Books a slot")
        #expect(context["runs.0.slowestTests.1.name"] == "Confirms A")
        #expect(context["runs.0.slowestTests.2.name"] == "Greets")
        #expect(context["runs.0.slowestTests.3.name"] == "Confirms B", "tests without e2e come last, by name")
        #expect(context["runs.0.slowestTests.0.symbol"] == "❌")
        #expect(context["runs.0.hasMoreTests"] == false)

        let many = (0..<30).map { index in
            InsightsFixture.delivery(
                test: "t\(index)", session: "s\(index)", history: InsightsFixture.agentTurns(e2e: [Double(index + 1) / 10]),
                line: index)
        }
        let large = InsightsReportFixture.context(InsightsFixture.report(many))
        #expect(large["runs.0.slowestTests.0.id"] == "t29")
        #expect(large["runs.0.slowestTests.25"] == nil)
        #expect(large["runs.0.moreTests"] == 5)
        #expect(large["runs.0.hasMoreTests"] == true)
    }

    @Test("The metrics whose p95 is over budget are named with value and budget")
    func overBudget() {
        #expect(context["runs.0.latencyStats.hasOverBudget"] == true)
        #expect(context["runs.0.latencyStats.overBudgetText"] == "e2e_latency 2.16 s (budget 1.5 s)")
        let fast = InsightsReportFixture.test("Greets", in: context)
        #expect(fast?["latencyStats.hasOverBudget"] == false)
    }

    @Test("Very long names and reasons are clipped in the insight lists")
    func clipping() {
        let name = String(repeating: "n", count: 5_000)
        let reason = String(repeating: "r", count: 5_000)
        let deliveries = [
            InsightsFixture.delivery(test: "a", session: "a", eval: InsightsFixture.failed([reason]), line: 1),
            InsightsFixture.delivery(test: "a", session: "b", eval: InsightsFixture.failed([reason]), order: 1, line: 2),
        ]
        let context = InsightsReportFixture.context(
            InsightsFixture.report(deliveries, evaluator: Evaluator(names: ["a": name])))
        guard case .string(let clippedReason)? = context["failurePatterns.byReason.0.reason"],
              case .string(let clippedName)? = context["repeatedTests.0.name"]
        else {
            Issue.record("missing pattern or repeat")
            return
        }
        #expect(clippedReason.count == InsightFormat.reasonLength)
        #expect(clippedReason.hasSuffix("…"))
        #expect(clippedName.count == InsightFormat.nameLength)
    }

    @Test("Summaries get the ten most common failure patterns")
    func patternPreview() {
        let deliveries = (0..<12).map { index in
            InsightsFixture.delivery(
                test: "t\(index)", session: "s\(index)", eval: InsightsFixture.failed(["reason \(index)"]), line: index)
        }
        let context = InsightsReportFixture.context(InsightsFixture.report(deliveries))
        #expect(context["failurePatterns.byReasonPreview.9"] != nil)
        #expect(context["failurePatterns.byReasonPreview.10"] == nil)
        #expect(context["failurePatterns.moreReasonPatterns"] == 2)
    }

    @Test("Without measured e2e latency there are no charts")
    func noCharts() {
        let report = InsightsFixture.report([InsightsFixture.delivery(session: "q", line: 1)])
        let context = InsightsReportFixture.context(report)
        #expect(context["runs.0.e2eHistogram"] == .null)
        #expect(context["runs.0.hasE2EHistogram"] == false)
        #expect(context["runs.0.hasE2EP95Chart"] == false)
    }

    @Test("The baseline comparison lists new failures and latency regressions")
    func baseline() throws {
        var document = SummaryDocument(InsightsReportFixture.report(gate: nil))
        for runIndex in document.runs.indices {
            for testIndex in document.runs[runIndex].tests.indices {
                var test = document.runs[runIndex].tests[testIndex]
                if test.id == "fail-a" { test.outcome = "passed" }
                if test.id == "slow" { test.latency["e2e_latency"]?.p95 = 1.0 }
                document.runs[runIndex].tests[testIndex] = test
            }
        }
        let comparison = BaselineComparison(baseline: document, report: InsightsReportFixture.report())
        let context = InsightsReportFixture.context(baseline: comparison)
        #expect(context["hasBaseline"] == true)
        #expect(context["baseline.hasRegressions"] == true)
        #expect(context["baseline.newFailuresText"] == "Books a slot, Confirms A")
        #expect(context["baseline.testRegressions.0.text"] == "e2e_latency p95 1 s → 2.34 s (+134%)")
        #expect(context["baseline.stillFailingText"] == "Confirms B")
        #expect(context["baseline.threshold"] == "20%")
        #expect(context["baseline.summary"] == "2 new failures, 1 latency regression, 1 test still failing")
        #expect(InsightsReportFixture.context()["baseline"] == .null)
    }
}
