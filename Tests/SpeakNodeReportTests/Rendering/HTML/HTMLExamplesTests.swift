import Foundation
import Testing
@testable import SpeakNodeReport

@Suite("HTML report of the Examples")
struct HTMLExamplesTests {
    static let examples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Examples/deliveries")

    static func report() -> Report {
        let inputs = ["run-checkout", "dental-clinic.ndjson", "bank-card-lock.json"].map { examples.appendingPathComponent($0).path }
        let batch = DeliveryReader().read(inputs)
        return Evaluator().evaluate(Collector().collect(batch.deliveries), problems: batch.problems)
    }

    @Test("The examples render with one row and one section per test, every link landing, and their conversations")
    func examples() throws {
        let html = try HTMLFixture.render(Self.report(), options: RenderOptions())
        let shape = HTMLShape(html)
        #expect(Set(shape.ids).count == shape.ids.count)
        let ids = Set(shape.ids)
        for link in shape.links where link.hasPrefix("#") { #expect(ids.contains(String(link.dropFirst())), "\(link)") }
        #expect(html.components(separatedBy: "<tr data-category=").count - 1 == 10)
        #expect(html.components(separatedBy: "<details class=\"test\"").count - 1 == 10)
        #expect(ids.contains("run-5f0c2d7e-8b1a-4c39-9e62-1a7d3b4f0c88"))
        #expect(html.contains("Showing 10 tests"))
        #expect(html.contains("Errors (<span class=\"count\">1</span>)"))
        #expect(html.contains("Flaky (<span class=\"count\">1</span>)"))
        #expect(html.contains("<li class=\"separator\">Handoff to agent"))
        #expect(html.contains("<li class=\"separator\">Configuration changed"))
        #expect(html.contains("<li class=\"tool tool-error\">"))
        #expect(html.contains("&lt;b&gt;half off&lt;/b&gt;"), "markup in a caller message stays text")
        #expect(html.contains("Latest data from 2026-11-24 14:41:05 UTC"))
        #expect(!html.contains("left out to keep this file small"))
    }

    @Test("A report without tests says so and has no filter bar or tables")
    func empty() throws {
        let report = Report(
            runs: [], totals: Counts(), policy: .latest, redeliveries: 0, nonTestDeliveries: 2, problems: [], generatedAt: nil)
        let html = try HTMLFixture.render(report, options: RenderOptions())
        #expect(html.contains("<title>SpeakNode agent tests: No tests</title>"))
        #expect(html.contains("<p>No test conversations were found in the input.</p>"))
        #expect(html.contains("2 deliveries were not test conversations and were left out."))
        let shape = HTMLShape(html)
        #expect(!shape.elements.contains("table"))
        #expect(!shape.elements.contains("form"))
    }
}
