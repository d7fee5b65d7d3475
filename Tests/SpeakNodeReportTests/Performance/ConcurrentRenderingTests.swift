import Foundation
import Mustache
import Testing
@testable import SpeakNodeReport

/// Long lists of a report render on several cores; the reports must be the same bytes as when
/// every list renders in turn.
@Suite("Rendering long lists concurrently")
struct ConcurrentRenderingTests {
    /// The examples' deliveries, each copied `copies` times as other tests (other ids and
    /// sessions), so every run has well over the 32 tests a list needs to be split.
    static func manyTests(copies: Int) throws -> Report {
        var lines: [String] = []
        for raw in try ExampleInput.rawDeliveries() {
            let object = try #require(try JSONSerialization.jsonObject(with: raw) as? [String: Any])
            for copy in 0..<copies {
                var delivery = object
                if var data = delivery["data"] as? [String: Any] {
                    if let test = data["test_id"] as? String { data["test_id"] = "\(test)-\(copy)" }
                    if let session = data["session_id"] as? String { data["session_id"] = "\(session)-\(copy)" }
                    delivery["data"] = data
                }
                let encoded = try JSONSerialization.data(withJSONObject: delivery, options: [.sortedKeys])
                lines.append(String(decoding: encoded, as: UTF8.self))
            }
        }
        let batch = DeliveryContentsDecoder().decode(Array(lines.joined(separator: "\n").utf8), file: "many.ndjson", format: .ndjson)
        #expect(batch.problems.isEmpty)
        return Evaluator(names: try ExampleInput.names()).evaluate(Collector().collect(batch.deliveries), problems: [])
    }

    @Test(
        "JUnit, Markdown and HTML are the same bytes with long lists rendered concurrently or in turn",
        .enabled(if: ExampleInput.isAvailable, "Examples/deliveries not found")
    )
    func sameBytes() throws {
        let report = try Self.manyTests(copies: 40)
        #expect(report.runs.contains { $0.tests.count >= 4 * ListConcurrency.automatic.minimumItems }, "lists long enough to be split")
        var serial = try TemplateSet()
        serial.listConcurrency = .serial
        var everyItem = try TemplateSet()
        everyItem.listConcurrency = ListConcurrency(minimumItems: 1, minimumItemsPerPart: 1)
        let options = RenderOptions(reportURL: "https://ci.example/report")
        for format in ReportFormat.allCases {
            let expected = try ReportRenderer(templates: serial).render(report, as: format, options: options)
            #expect(try ReportRenderer(templates: TemplateSet()).render(report, as: format, options: options) == expected, "\(format)")
            #expect(try ReportRenderer(templates: everyItem).render(report, as: format, options: options) == expected, "\(format)")
        }
    }
}
