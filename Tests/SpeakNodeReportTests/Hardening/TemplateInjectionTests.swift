import Mustache
import Testing
@testable import SpeakNodeReport

/// Payload text that looks like template syntax is printed as text in every format, never run.
@Suite("Hardening: template syntax in payload text")
struct TemplateInjectionTests {
    static let payloads = [
        "{{title}}", "{{{title}}}", "{{&title}}", "{{#runs}}x{{/runs}}", "{{> layout.html}}", "{{<layout.html}}{{/layout.html}}",
        "{{=<% %>=}}<%title%>", "{{! comment }}", "{{$content}}block{{/content}}",
    ]

    @Test("a test name holding template syntax appears as text, and the title it names does not", arguments: payloads)
    func notEvaluated(payload: String) throws {
        let test = ReportFixture.test(id: "t", name: payload, attempts: [
            ReportFixture.attempt(.failed, ReportFixture.conversation(session: "s", success: false, reasons: [payload]), reasons: [payload]),
        ])
        let report = ReportFixture.report(tests: [test])
        let renderer = ReportRenderer(templates: try TemplateSet())
        let secret = "SECRET-TITLE-7f3a"
        for format in ReportFormat.allCases {
            let text = try renderer.render(report, as: format, options: RenderOptions(title: secret))
            let occurrences = text.components(separatedBy: secret).count - 1
            let titleOnly = try renderer.render(ReportFixture.report(tests: []), as: format, options: RenderOptions(title: secret))
            #expect(occurrences == titleOnly.components(separatedBy: secret).count - 1,
                    "\(format): the title appears only where the template puts it")
            #expect(text.contains(OutputFormat(templateName: format.templateName).escape(payload)), "\(format) prints the text")
        }
    }
}
