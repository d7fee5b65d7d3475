import Foundation
import Testing
@testable import SpeakNodeReport

/// The summary as GitHub would show it: rendered by cmark-gfm and checked as HTML.
@Suite("Markdown summary through cmark-gfm", .enabled(if: CmarkGFM.isAvailable, CmarkGFM.missing))
struct MarkdownThroughCmarkTests {
    func html(
        _ report: Report, limit: Int = RenderOptions.defaultMarkdownLimit, reportURL: String? = nil,
        title: String = RenderOptions.defaultTitle, templates: TemplateSet? = nil
    ) throws -> (markdown: String, html: String) {
        var options = RenderOptions(title: title, reportURL: reportURL)
        options.markdownLimit = limit
        let markdown = try ReportRenderer(templates: templates ?? TemplateSet()).render(report, as: .markdown, options: options)
        return (markdown, try CmarkGFM.html(markdown))
    }

    @Test("The tables have the expected columns and rows")
    func tables() throws {
        let html = try html(ReportFixture.mixed(), reportURL: "https://ci.example/r/1", templates: MarkdownFixture.coreTemplates()).html
        let tables = CmarkGFM.tables(html)
        #expect(tables.map { $0.map(\.count) } == [
            [9, 9],  // totals
            [10, 10],  // runs
            [4, 4],  // flaky
            [4, 4],  // skipped
            [5, 5, 5],  // passed
        ])
        #expect(tables[0][1] == ["5", "2", "1", "1", "1", "1", "50%", "6", "6m 12s"])
        #expect(tables[1][1] == ["❌", "Nightly (01dbc221)", "5", "2", "1", "1", "1", "1", "50%", "6m 12s"])
        #expect(tables[2][1] == ["Asks for the price", "Nightly (01dbc221)", "❌ Failed → ✅ Passed", "✅ Passed"])
        #expect(tables[4][1].first == "Books a slot")
        #expect(html.hasPrefix("<h2>❌ SpeakNode agent tests: 2 passed, 1 failed, 1 error, 1 skipped, 1 flaky in 6m 12s · <a href=\"https://ci.example/r/1\">Full report</a></h2>"))
        let tags = CmarkGFM.tags(html)
        #expect(tags.filter { $0 == "details" }.count == 4)
        #expect(tags.filter { $0 == "details" }.count == tags.filter { $0 == "/details" }.count)
        #expect(html.contains("<li>Did not confirm</li>\n<li>Hung up early</li>"))
        #expect(html.contains("<li>⚠️ 00:13.0 Assistant: Hi, how can I help?</li>") == false)
        #expect(html.contains("<li>00:12.3 User: Hello</li>"))
    }

    static let hostileSamples = [
        "<script>alert(1)</script>", "a | b", "`code` ```fence", "[x](javascript:alert(1))", "![i](http://e.com/a.png)",
        "# heading", "@user #123 org/repo#45 GH-7", "http://evil.example/x www.evil.example me@evil.example",
        "*em* _em_ **b** ~~del~~", "&amp; &#64; &copy; &nbsp;", "line1\n- item\n> quote\n```\n", "1. one", "\n\n| a | b |\n| - | - |",
        "</details><details open><summary>x</summary>", "</summary>", "{{title}} {{{title}}}", "$x^2$ $$y$$",
        "<https://x.example>", "===", "---", "+ a", "trailing\\", "<!-- c -->", "[^1]", ":smile: ~~~", "- [ ] task",
        "\u{0}\u{1B}[31m\u{7F}\u{85}\u{2028}\u{2029}", "\t    indented code", "<img src=x onerror=alert(1)>", "[a]: http://ref.example",
        "[a]", "\\*", "*", "_", "|", "😀 \u{10FFFF} e\u{301}", "\r\n\r\n# after blank lines",
    ]

    @Test("Nothing in the payload adds, removes or changes an element: the HTML has the same tags as for plain text")
    func payloadCannotChangeStructure() throws {
        let plain = CmarkGFM.tags(try html(MarkdownFixture.everyField("plain"), limit: 1_000_000).html)
        for sample in Self.hostileSamples + [Self.hostileSamples.joined(separator: " ")] {
            let result = try html(MarkdownFixture.everyField(sample), limit: 1_000_000, title: sample)
            #expect(CmarkGFM.tags(result.html) == plain, "structure changed by \(sample.debugDescription)")
            #expect(!result.html.contains("<a "), "a link from \(sample.debugDescription)")
            #expect(result.html.range(of: "@[A-Za-z0-9]", options: .regularExpression) == nil, "@mention from \(sample.debugDescription)")
            #expect(result.html.range(of: "#[0-9]", options: .regularExpression) == nil, "#issue link from \(sample.debugDescription)")
            #expect(
                result.html.range(of: "GH-[0-9]", options: [.regularExpression, .caseInsensitive]) == nil,
                "GH-issue link from \(sample.debugDescription)")
        }
    }

    @Test("5,000 tests with long transcripts fit in a comment, as whole tables, lists and details")
    func fiveThousandTests() throws {
        let report = MarkdownFixture.large(count: 5_000, failEvery: 10, lines: 30, lineLength: 300)
        let clock = ContinuousClock()
        var result: (markdown: String, html: String) = ("", "")
        let elapsed = try clock.measure { result = try html(report, reportURL: "https://ci.example/r/5000") }
        #expect(elapsed < .seconds(120))
        #expect(result.markdown.utf16.count <= 65_000)
        #expect(result.markdown.utf16.count > 50_000, "the space is used")

        let tables = CmarkGFM.tables(result.html)
        #expect(tables.count >= 2)
        for table in tables {
            #expect(Set(table.map(\.count)).count == 1, "every row has the header's columns")
        }
        let tags = CmarkGFM.tags(result.html)
        #expect(tags.filter { $0 == "details" }.count == tags.filter { $0 == "/details" }.count)
        #expect(tags.filter { $0 == "ul" }.count == tags.filter { $0 == "/ul" }.count)

        let shown = result.markdown.components(separatedBy: "\n**❌ Scenario ").count - 1
        #expect(shown > 50)
        #expect(result.markdown.contains("… and \(500 - shown) more failed or errored tests, in the [full report](<https://ci.example/r/5000>)\n"))
        #expect(result.html.hasSuffix(
            "<hr />\n<p>✂️ Shortened to fit 65,000 characters, leaving out the list of 4,500 passed tests, the transcripts of \(shown) failed tests, \(2 * shown) further reasons and \(500 - shown) of 500 failed or errored tests. Everything is in the <a href=\"https://ci.example/r/5000\">full report</a>.</p>\n"))
    }

    @Test("A job summary's larger limit shows more")
    func jobSummaryLimit() throws {
        let report = MarkdownFixture.large(count: 1_000, failEvery: 10, lines: 20, lineLength: 200)
        let comment = try html(report).markdown
        let summary = try html(report, limit: 340_000).markdown
        #expect(summary.utf16.count <= 340_000)
        #expect(summary.utf16.count > comment.utf16.count)
        #expect(summary.contains("<summary>Transcript"))
    }
}
