import Foundation
import Testing
@testable import SpeakNodeReport

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("JUnit XML report")
struct JUnitRenderingTests {
    func render(_ report: Report) throws -> String {
        try ReportRenderer(templates: TemplateSet()).render(report, as: .junit, options: RenderOptions())
    }

    @Test("Suites and test cases carry the counts, outcomes and reruns of the report")
    func structure() throws {
        let xml = try render(ReportFixture.mixed())
        let document = try XMLDocument(xmlString: xml, options: [])
        let root = try #require(document.rootElement())
        #expect(root.name == "testsuites")
        // The fixture's input problem is one more errored test case, in its own suite.
        #expect(root.attribute(forName: "tests")?.stringValue == "6")
        #expect(root.attribute(forName: "failures")?.stringValue == "1")
        #expect(root.attribute(forName: "errors")?.stringValue == "2")
        #expect(root.attribute(forName: "skipped") == nil)
        let suite = try #require(root.elements(forName: "testsuite").first)
        #expect(suite.attribute(forName: "name")?.stringValue == "Nightly (01dbc221)")
        #expect(suite.attribute(forName: "skipped")?.stringValue == "1")
        #expect(suite.attribute(forName: "timestamp")?.stringValue == "2025-11-25T14:00:00")
        let cases = suite.elements(forName: "testcase")
        #expect(cases.count == 5)
        let byName = Dictionary(cases.map { ($0.attribute(forName: "name")?.stringValue ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        let failed = try #require(byName["Cancels a booking"])
        let failure = try #require(failed.elements(forName: "failure").first)
        #expect(failure.attribute(forName: "type")?.stringValue == "StepsExhausted")
        #expect(failure.stringValue == "Did not confirm\nHung up early")
        #expect(failed.attribute(forName: "classname")?.stringValue == "Booking agent")
        #expect(failed.attribute(forName: "time")?.stringValue == "62.000")
        #expect(byName["Reschedules"]?.elements(forName: "error").count == 1)
        #expect(byName["Transfers"]?.elements(forName: "skipped").count == 1)
        let flaky = try #require(byName["Asks for the price"])
        #expect(flaky.elements(forName: "failure").isEmpty)
        #expect(flaky.elements(forName: "flakyFailure").first?.stringValue?.hasPrefix("Wrong price") == true)
        let systemOut = try #require(flaky.elements(forName: "system-out").first?.stringValue)
        #expect(systemOut.contains("session: s6"))
        #expect(systemOut.contains("recording: https://rec.example/s6.wav?sig=a&b=c"))
        #expect(systemOut.contains("[00:12.3] User: Hello"))
    }

    @Test("A failed test lists its earlier failed and errored attempts as rerunFailure and rerunError")
    func reruns() throws {
        let document = try XMLDocument(xmlString: try render(ReportFixture.retried()), options: [])
        let testcase = try #require(document.rootElement()?.elements(forName: "testsuite").first?.elements(forName: "testcase").first)
        #expect(testcase.elements(forName: "failure").first?.stringValue == "second")
        #expect(testcase.elements(forName: "rerunError").first?.attribute(forName: "type")?.stringValue == "Error")
        #expect(testcase.elements(forName: "rerunFailure").first?.attribute(forName: "message")?.stringValue == "first")
        #expect(testcase.elements(forName: "flakyFailure").isEmpty)
    }

    @Test("Hostile payload text stays text: the document parses and keeps the text minus forbidden characters")
    func hostile() throws {
        let xml = try render(ReportFixture.hostile())
        let document = try XMLDocument(xmlString: xml, options: [])
        let testcase = try #require(document.rootElement()?.elements(forName: "testsuite").first?.elements(forName: "testcase").first)
        let clean = ReportFixture.hostileText.unicodeScalars.filter { !XMLEscaper.isForbidden($0) }
        #expect(testcase.attribute(forName: "name")?.stringValue == String(String.UnicodeScalarView(clean)))
        #expect(testcase.elements(forName: "failure").count == 1)
        #expect(!xml.contains("<script>"))
        #expect(xml.contains("{{title}}"), "payload {{…}} is shown as it came, never evaluated")
    }

    @Test(
        "The report validates against the Jenkins JUnit schema",
        .enabled(if: JUnitSchema.canValidate, JUnitSchema.skipReason))
    func schemaValidation() throws {
        for report in [ReportFixture.mixed(), ReportFixture.hostile(), ReportFixture.retried()] {
            let result = try JUnitSchema.validate(try render(report))
            #expect(result.valid, "\(result.output)")
        }
    }
}
