import Mustache
import Testing
@testable import SpeakNodeReport

@Suite("Latency bar chart")
struct LatencyBarChartTests {
    /// Each row's values as the chart's rows gave them when they were dictionaries.
    static func expectedRow(index: Int, name: String, p95: Double, scale: Double, budget: Double?) -> [String: MustacheValue] {
        let y = LatencyBarChart.top + Double(index) * LatencyBarChart.rowHeight
        let barWidth = max(1, LatencyBarChart.length(p95, scale: scale))
        let label = name.count > LatencyBarChart.maximumLabelLength
            ? String(name.prefix(LatencyBarChart.maximumLabelLength - 1)) + "…" : name
        return [
            "name": .string(name),
            "label": .string(label),
            "p95": .string(InsightFormat.format(p95)),
            "y": .string(InsightFormat.coordinate(y + 3)),
            "textY": .string(InsightFormat.coordinate(y + 15)),
            "labelX": .string(InsightFormat.coordinate(LatencyBarChart.labelWidth)),
            "barX": .string(InsightFormat.coordinate(LatencyBarChart.barLeft)),
            "barWidth": .string(InsightFormat.coordinate(barWidth)),
            "barHeight": .string(InsightFormat.coordinate(LatencyBarChart.rowHeight - 6)),
            "valueX": .string(InsightFormat.coordinate(LatencyBarChart.barLeft + barWidth + 4)),
            "isOverBudget": .bool(budget.map { p95 > $0 } ?? false),
        ]
    }

    @Test("Each row is an object answering exactly its eleven keys, with each test's geometry", arguments: [1.5, nil] as [Double?])
    func rows(budget: Double?) throws {
        let tests = InsightsReportFixture.report().runs.flatMap(\.tests)
        let chart = try #require(LatencyBarChart(tests: tests, metric: .e2eLatency, budget: budget))
        let measured = tests.compactMap { test in test.insights.statistics(of: .e2eLatency).map { (test.name, $0.p95) } }
        #expect(chart.rows.count == measured.count)
        let scale = max(measured.map(\.1).max() ?? 0, budget ?? 0) * 1.05
        guard case .list(let rows)? = chart.member("rows") else {
            Issue.record("rows is not a list")
            return
        }
        #expect(rows.count == measured.count)
        for (index, (row, (name, p95))) in zip(rows, measured).enumerated() {
            let expected = Self.expectedRow(index: index, name: name, p95: p95, scale: scale, budget: budget)
            let keys = LatencyBarChart.LatencyBarRow.keys.keys
            #expect(Set(keys) == Set(expected.keys))
            for key in keys {
                #expect(row.member(key) == expected[key], "\(key) of row \(index)")
            }
            #expect(row.member("budget") == nil, "another key is left to the chart")
        }
    }

    @Test("A long test name is cut in the chart's label, the full name kept for the tooltip")
    func longName() {
        let name = String(repeating: "é", count: 40)
        let row = LatencyBarChart.LatencyBarRow(name: name, p95: 2, index: 3, scale: 4, budget: 1.5)
        #expect(row.member("label") == .string(String(repeating: "é", count: 29) + "…"))
        #expect(row.member("name") == .string(name))
        #expect(row.member("isOverBudget") == .bool(true))
        #expect(row.member("y") == .string(InsightFormat.coordinate(LatencyBarChart.top + 3 * LatencyBarChart.rowHeight + 3)))
    }
}
