import Foundation
import Mustache
import Testing
@testable import SpeakNodeReport

@Suite("HTML latency charts")
struct LatencyChartTests {
    @Test("Axis ends are round: 1, 2 or 5 times a power of ten")
    func niceBounds() {
        #expect(LatencyChart.niceUpperBound(4.05) == 5)
        #expect(LatencyChart.niceUpperBound(1.2) == 2)
        #expect(LatencyChart.niceUpperBound(0.42) == 0.5)
        #expect(LatencyChart.niceUpperBound(10) == 10)
        #expect(LatencyChart.niceUpperBound(0) == 0.1)
        #expect(LatencyChart.niceUpperBound(.nan) == 0.1)
    }

    @Test("A histogram counts every measured turn once, values beyond the axis in the last bar, and marks median, p95 and budget")
    func histogram() throws {
        let values = [0.4, 0.5, 0.5, 0.6, 0.9, 1.2, 9.0]
        let statistics = try #require(LatencyStatistics(values))
        let chart = LatencyChart.chart(.e2eLatency, values: values, statistics: statistics, budget: 1.5)
        guard case .object(let object) = chart, case .list(let bars)? = object["bars"], case .list(let markers)? = object["markers"]
        else { Issue.record("unexpected chart shape"); return }
        let counts = bars.compactMap { bar -> Int? in
            guard case .object(let bar) = bar, case .string(let label)? = bar["label"] else { return nil }
            return Int(label.split(separator: ":").last?.split(separator: " ").first ?? "")
        }
        #expect(counts.reduce(0, +) == values.count)
        #expect(bars.allSatisfy { bar in
            guard case .object(let bar) = bar, case .string(let height)? = bar["height"], let value = Double(height) else { return false }
            return value > 0 && value <= LatencyChart.height - LatencyChart.axisHeight
        })
        #expect(markers.count == 3)
        #expect(object["overBudget"] == "1 of 7")
        #expect(object["budget"] == "1.50 s")
        #expect(object["p50"] == "600 ms")
    }

    @Test("The report draws one chart per measured metric, and none when nothing was measured")
    func inReport() throws {
        let html = try HTMLFixture.render(HTMLFixture.rich())
        #expect(html.contains("<h2 id=\"latency-heading\">Latency</h2>"))
        #expect(html.contains("<figure class=\"chart\" id=\"latency-e2e_latency\">"))
        #expect(html.contains("<svg viewBox=\"0 0 320.0 110.0\" role=\"img\" aria-label=\"Histogram of End-to-end latency: median 1.84 s"))
        #expect(!html.contains("id=\"latency-end_of_turn_delay\""), "no turn measured it")
        let quiet = try HTMLFixture.render(ReportFixture.mixed())
        #expect(!quiet.contains("latency-heading"))
        #expect(!HTMLShape(quiet).elements.contains("svg"))
    }
}
