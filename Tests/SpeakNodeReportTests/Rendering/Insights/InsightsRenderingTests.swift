import Foundation
import Mustache
import Testing
@testable import SpeakNodeReport

@Suite("Insights in the reports")
struct InsightsRenderingTests {
    let report = InsightsReportFixture.report()

    func render(_ format: ReportFormat, _ report: Report? = nil, baseline: BaselineComparison? = nil) throws -> String {
        try ReportRenderer(templates: TemplateSet())
            .render(report ?? self.report, as: format, options: RenderOptions(baseline: baseline))
    }

    /// Renders one built-in partial on its own with the root context.
    func partial(_ name: String, _ report: Report? = nil, baseline: BaselineComparison? = nil) throws -> String {
        let context = ReportContext(report: report ?? self.report, options: RenderOptions(baseline: baseline))
        return try TemplateSet().render(name, context: context.value)
    }

    @Test("JUnit: a latency-gate failure is a LatencyBudget failure with the gate's message")
    func junitFailure() throws {
        let xml = try render(.junit)
        #expect(xml.contains(
            #"<failure message="e2e_latency p95 2.34 s is over the budget of 1.5 s" type="LatencyBudget">e2e_latency p95 2.34 s is over the budget of 1.5 s</failure>"#))
    }

    @Test("JUnit: each test's latency figures, slow turns, signals and pass rate open its system-out")
    func junitLatency() throws {
        let xml = try render(.junit)
        #expect(xml.contains("<system-out>latency e2e_latency: 2 turns, p50 1.8 s, p90 2.28 s, p95 2.34 s, max 2.4 s\n"))
        #expect(xml.contains("slow turns: 1\nslow turn [00:12.3] Assistant: One moment &lt;please&gt; — e2e_latency 2.4 s (budget 1.5 s)\n"))
        #expect(xml.contains("<system-out>latency e2e_latency: 2 turns, p50 850 ms"), "the fast test")
        #expect(xml.contains("signals: 3 turns, 1 tool call (1 error), 1 interruption, 0 handoffs, talk time 1.0s; tools: book_slot\n"))
        #expect(xml.contains("pass rate: 1 of 2 evaluated attempts passed (50%)\n"))
    }

    @Test(
        "JUnit with insights validates against the Jenkins JUnit schema",
        .enabled(if: JUnitSchema.canValidate, JUnitSchema.skipReason))
    func junitSchema() throws {
        let result = try JUnitSchema.validate(try render(.junit))
        #expect(result.valid, "\(result.output)")
    }

    @Test("Markdown: per run a latency table, slow turns and signals; failure patterns and repeats")
    func markdownInsights() throws {
        let markdown = try render(.markdown)
        #expect(markdown.contains("| e2e\\_latency | 5 | 1 s | 1\\.92 s | ⚠️ 2\\.16 s | 2\\.4 s | 1\\.5 s |"))
        #expect(markdown.contains("**1 slow turn** · 7 turns, 1 tool call \\(1 error\\), 1 interruption, 0 handoffs"))
        #expect(markdown.contains("- at 00\\:12\\.3, Assistant: “One moment &lt;please&gt;” — e2e\\_latency 2\\.4 s \\(budget 1\\.5 s\\)"))
        #expect(markdown.contains("| ❌ | Books a slot | 1\\.8 s | ⚠️ 2\\.34 s | 1 | 3 | 1 | 1 | 1 | 0 | 1\\.0s | – |"))
        #expect(markdown.contains("Budgets per turn: e2e 1\\.5 s, ttft 1 s, ttfb 350 ms, eot 700 ms · tests fail when their e2e\\_latency p95 is over budget (1 did)"))
        #expect(markdown.contains("- **2 tests**: Did not confirm"))
        #expect(markdown.contains("- Quotes a price (run Nightly \\(run\\-1\\)): 1 of 2 evaluated attempts passed \\(50%\\)"))
    }

    /// A comparison with a baseline in which `fail-a` passed: one new failure.
    func comparisonWhereFailAPassedBefore() -> BaselineComparison {
        var document = SummaryDocument(InsightsReportFixture.report(gate: nil))
        document.runs[0].tests = document.runs[0].tests.map { test in
            var test = test
            if test.id == "fail-a" { test.outcome = "passed" }
            return test
        }
        return BaselineComparison(baseline: document, report: report)
    }

    @Test("Markdown: new failures and regressions are called out under the totals; the rest follows")
    func markdownBaseline() throws {
        let comparison = comparisonWhereFailAPassedBefore()
        let markdown = try render(.markdown, baseline: comparison)
        let top = try #require(markdown.range(of: "> **Since the baseline: 2 new failures, 1 test still failing**"))
        let runs = try #require(markdown.range(of: "### Runs"))
        #expect(top.lowerBound < runs.lowerBound, "at the top, under the totals")
        #expect(markdown.contains("> - ❌ New failure: **Confirms A** (Passed → Failed)"))
        #expect(markdown.contains("- ❌ New failures: Books a slot, Confirms A"))
        #expect(markdown.contains("- Still failing: Confirms B"))

        let unchanged = BaselineComparison(baseline: SummaryDocument(report), report: report)
        #expect(try render(.markdown, baseline: unchanged).contains("✅ No new failures or latency regressions since the baseline"))
        #expect(!(try render(.markdown)).contains("since the baseline"), "nothing without a baseline")
    }

    @Test("HTML: SVG charts per run, latency table, failure patterns and slow turns")
    func html() throws {
        let html = try partial("insights.html")
        #expect(html.components(separatedBy: "<svg class=\"chart\"").count - 1 == 2, "a histogram and a p95 chart for the one run")
        #expect(html.contains(#"<rect class="bar over" x="208""#), "the slow test's bar is over budget")
        #expect(html.contains("budget 1.5 s</text>"))
        #expect(html.contains(#"<td class="number over-budget">2.16 s</td>"#))
        #expect(html.contains("<td>Did not confirm</td><td>Confirms A, Confirms B</td>"))
        #expect(html.contains("“One moment &lt;please&gt;”"))
    }

    @Test("HTML: what changed since the baseline comes first, new failures and regressions marked")
    func htmlBaseline() throws {
        let comparison = comparisonWhereFailAPassedBefore()
        let html = try render(.html, baseline: comparison)
        let changes = try #require(html.range(of: "<h2>Since the baseline</h2>"))
        let runs = try #require(html.range(of: "<h2>Latency by run</h2>"))
        #expect(changes.lowerBound < runs.lowerBound)
        #expect(html.contains(#"<li class="failed">❌ New failure: <strong>Confirms A</strong> (Passed → Failed)</li>"#))
        #expect(html.contains("<li>Still failing: Confirms B (Failed)</li>"))
        #expect(!(try render(.html)).contains("Since the baseline"), "nothing without a baseline")
    }

    @Test("HTML: each test shows its latency failure, repeats, signals and latency table")
    func htmlPerTest() throws {
        let context = InsightsReportFixture.context()
        let slow = try #require(InsightsReportFixture.test("Books a slot", in: context))
        let html = try TemplateSet().render("test-insights.html", context: slow.value)
        #expect(html.contains("⏱️ e2e_latency p95 2.34 s is over the budget of 1.5 s"))
        #expect(html.contains("3 turns, 1 tool call (1 error), 1 interruption, 0 handoffs, talk time 1.0s · tools: book_slot · 1 slow turn"))
        #expect(html.contains(#"<td class="number over-budget">2.34 s</td>"#))
        let repeated = try #require(InsightsReportFixture.test("Quotes a price", in: context))
        #expect(try TemplateSet().render("test-insights.html", context: repeated.value)
            .contains("Repeats: 1 of 2 evaluated attempts passed (50%)"))
    }

    @Test("HTML: a run lists its first 20 slow turns and counts the rest, so a slow run stays readable")
    func htmlSlowTurnsCapped() throws {
        let turns = (0..<25).map { index in InsightsFixture.agent("Slow reply \(index)", at: Double(index * 5), e2e: 3) }
        let deliveries = [InsightsFixture.delivery(test: "slow", session: "s1", history: turns, campaign: "Nightly", line: 1)]
        let html = try partial("insights.html", InsightsFixture.report(deliveries))
        let list = try #require(html.range(of: #"<ul class="slow-turns">"#).flatMap { start in
            html.range(of: "</ul>", range: start.upperBound..<html.endIndex).map { html[start.upperBound..<$0.lowerBound] }
        })
        #expect(list.components(separatedBy: "<li>").count - 1 == 20)
        #expect(list.contains("Slow reply 19") && !list.contains("Slow reply 20"))
        #expect(html.contains("<h4>25 slow turns</h4>"))
        #expect(html.contains("… and 5 more; each test’s transcript marks its own slow turns “over budget”."))
    }

    @Test("HTML: payload text in chart labels and slow turns is escaped")
    func hostileNames() throws {
        let hostile = "<script>alert(1)</script>\u{0}"
        let deliveries = [
            InsightsFixture.delivery(test: "x", session: "h1", history: [InsightsFixture.agent(hostile, at: 1, e2e: 3)], line: 1)
        ]
        let report = InsightsFixture.report(deliveries, evaluator: Evaluator(names: ["x": hostile]))
        let html = try partial("insights.html", report)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("\u{0}"))
        let markdown = try render(.markdown, report)
        #expect(!markdown.contains("<script>"))
    }
}
