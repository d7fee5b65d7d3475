import Foundation
import Testing
@testable import SpeakNodeReport

@Suite("Markdown summary")
struct MarkdownRenderingTests {
    func render(_ report: Report, options: RenderOptions = RenderOptions()) throws -> String {
        try ReportRenderer(templates: TemplateSet()).render(report, as: .markdown, options: options)
    }

    @Test("The summary leads with the verdict, then totals, runs, failures and input notes")
    func structure() throws {
        let markdown = try render(ReportFixture.mixed(), options: RenderOptions(reportURL: "https://ci.example/r/1"))
        let firstLine = markdown.split(separator: "\n").first.map(String.init) ?? ""
        #expect(firstLine.hasPrefix("## ❌ SpeakNode agent tests"))
        #expect(markdown.contains("2 passed, 1 failed, 1 error, 1 skipped, 1 flaky"))
        #expect(markdown.contains("[Full report](<https://ci.example/r/1>)"))
        #expect(markdown.contains("Did not confirm"))
        #expect(markdown.contains("2 redelivered webhook deliveries were counted once"))
        #expect(markdown.contains("1 delivery was not a test conversation and was left out"))
        #expect(markdown.contains("in\\.ndjson\\:4\\: not JSON"))
    }

    @Test("A report URL that is not http(s) is shown as text, not linked")
    func unsafeReportURL() throws {
        let markdown = try render(ReportFixture.mixed(), options: RenderOptions(reportURL: "javascript:alert(1)"))
        #expect(!markdown.contains("](<javascript"))
        #expect(markdown.contains("javascript\\:alert\\(1\\)"))
    }

    @Test(
        "Hostile payload text renders as plain text through cmark-gfm",
        .enabled(if: EscaperTests.cmark != nil, "cmark-gfm is not installed (apt-get install cmark-gfm)"))
    func hostileThroughCmark() throws {
        let markdown = try render(ReportFixture.hostile())
        let html = try EscaperTests.run(try #require(EscaperTests.cmark), markdown: markdown)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<a "))
        #expect(!html.contains("<code"))
        #expect(!html.contains("<h1"))
        #expect(html.contains("{{title}}"), "payload {{…}} is shown as it came, never evaluated")
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test("A summary lists the first failures and says how many more there are")
    func manyFailures() throws {
        let tests = (1...45).map { index in
            ReportFixture.test(
                id: "t\(index)",
                attempts: [ReportFixture.attempt(.failed, ReportFixture.conversation(session: "s\(index)", success: false), reasons: ["reason \(index)"])])
        }
        let markdown = try ReportRenderer(templates: TemplateSet())
            .render(ReportFixture.report(tests: tests), as: .markdown, options: RenderOptions(reportURL: "https://ci.example/r"))
        #expect(markdown.components(separatedBy: "  - reason ").count - 1 == ReportContext.previewLimit)
        #expect(markdown.contains("- … and 15 more in the [full report](<https://ci.example/r>)"))
    }
}
