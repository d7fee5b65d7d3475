import Foundation
import Testing
@testable import SpeakNodeReport

@Suite("Markdown summary")
struct MarkdownRenderingTests {
    /// The summary's own structure, without the partials other features add.
    static func render(_ report: Report, options: RenderOptions = RenderOptions()) throws -> String {
        try ReportRenderer(templates: MarkdownFixture.coreTemplates()).render(report, as: .markdown, options: options)
    }

    static func options(limit: Int, reportURL: String? = nil) -> RenderOptions {
        var options = RenderOptions(reportURL: reportURL)
        options.markdownLimit = limit
        return options
    }

    static func summary() throws -> MarkdownSummary { MarkdownSummary(templates: try MarkdownFixture.coreTemplates()) }

    @Test("One verdict line leads: symbol, title, counts with flaky, duration and the report link")
    func verdictLine() throws {
        let markdown = try Self.render(ReportFixture.mixed(), options: RenderOptions(reportURL: "https://ci.example/r/1"))
        let firstLine = markdown.split(separator: "\n").first.map(String.init) ?? ""
        #expect(firstLine == "## ❌ SpeakNode agent tests: 2 passed, 1 failed, 1 error, 1 skipped, 1 flaky in 6m 12s · [Full report](<https://ci.example/r/1>)")
        #expect(!markdown.contains("Shortened"), "a small report is shown whole")
    }

    @Test("Failed and errored tests show agent, reasons, completion reason, attempts and the end of the transcript")
    func failures() throws {
        let markdown = try Self.render(ReportFixture.mixed())
        #expect(markdown.contains("**❌ Cancels a booking** · Failed · agent Booking agent · run Nightly \\(01dbc221\\) · ended by StepsExhausted · 1 attempt\n\n- Did not confirm\n- Hung up early\n"))
        #expect(markdown.contains("**⚠️ Reschedules** · Error"))
        #expect(markdown.contains("<details><summary>Transcript</summary>\n\n- 00\\:12\\.3 User\\: Hello\n"))
        #expect(markdown.contains("| Asks for the price | Nightly \\(01dbc221\\) | ❌ Failed → ✅ Passed | ✅ Passed |"))
        #expect(markdown.contains("<details><summary>⏭️ 1 skipped test</summary>"))
        #expect(markdown.contains("<details><summary>✅ 2 passed tests</summary>"))
        #expect(markdown.contains("2 redelivered webhook deliveries were counted once"))
        #expect(markdown.contains("  - in\\.ndjson\\:4\\: not JSON"))
        let failuresAt = try #require(markdown.range(of: "### Failed and errored tests")).lowerBound
        let flakyAt = try #require(markdown.range(of: "### Flaky tests")).lowerBound
        let skippedAt = try #require(markdown.range(of: "skipped test</summary>")).lowerBound
        #expect(failuresAt < flakyAt && flakyAt < skippedAt, "failures come first")
    }

    @Test("Only the last lines of a long transcript are shown, each cut to a readable length")
    func transcriptTail() throws {
        let history = MarkdownFixture.transcript(lines: 40, length: 3_000)
        let test = ReportFixture.test(
            id: "long", attempts: [ReportFixture.attempt(.failed, ReportFixture.conversation(session: "l", success: false, history: history), reasons: ["no"])])
        let markdown = try Self.render(ReportFixture.report(tests: [test]))
        #expect(markdown.contains("<summary>Transcript, last 10 of 42 lines</summary>"))
        #expect(markdown.contains("- ⚠️ 02\\:01\\.0 tool error \\(book\\_slot\\)\\: slot taken\n"))
        #expect(!markdown.contains("- 00\\:00\\.0 User"), "early lines are left out")
        #expect(markdown.contains("more characters\\)\n"))
        #expect(markdown.split(separator: "\n").allSatisfy { $0.count < 600 }, "transcript lines are cut to 500 characters")
    }

    @Test("A latency.md partial is rendered after the flaky tests with the runs this try shows")
    func latencyPartial() throws {
        let folder = try TemplateSetTests.folder(with: [
            "latency.md.mustache": "{{#hasRuns}}\n\n### Latency\n\n{{#runs}}\n- {{name}}: {{id}}{{#reportURL}}, {{reportURL}}{{/reportURL}}\n{{/runs}}\n{{/hasRuns}}\n"
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = MarkdownSummary(templates: try TemplateSet(overridesIn: folder.path))
        let tests = (0..<3).map { index in
            ReportFixture.test(id: "t\(index)", attempts: [ReportFixture.attempt(.passed, ReportFixture.conversation(session: "s\(index)"))])
        }
        var report = ReportFixture.report(tests: tests)
        report.runs += [report.runs[0], report.runs[0]].enumerated().map { index, run in
            var run = run
            run.id = "run-\(index + 2)"
            run.campaignName = nil
            return run
        }
        let options = RenderOptions(reportURL: "https://ci.example/r")
        let full = try summary.render(report, options: options, at: .full)
        #expect(full.contains("""
            | ✅ | run\\-2 | 3 |
            """))
        #expect(full.contains("""
            ### Latency

            - Nightly \\(01dbc221\\): 01dbc221\\-8963\\-4bd7\\-8591\\-4a1f9d286862, https\\://ci\\.example/r
            - run\\-2: run\\-2, https\\://ci\\.example/r
            - run\\-3: run\\-3, https\\://ci\\.example/r

            """))
        let flakyOrLatency = try #require(full.range(of: "### Latency")).lowerBound
        let passed = try #require(full.range(of: "passed tests</summary>")).lowerBound
        #expect(flakyOrLatency < passed)

        let cut = try summary.render(report, options: options, at: MarkdownDetail(level: .firstReasonOnly, rowLimit: 1))
        #expect(cut.contains("- Nightly"))
        #expect(!cut.contains("- run\\-2"), "the partial sees only the runs shown")
        let verdictOnly = try summary.render(report, options: options, at: MarkdownDetail(level: .verdictOnly))
        #expect(!verdictOnly.contains("Latency"))
    }

    @Test("A report URL that is not http(s) is shown as text, not linked")
    func unsafeReportURL() throws {
        let markdown = try Self.render(ReportFixture.mixed(), options: RenderOptions(reportURL: "javascript:alert(1)"))
        #expect(!markdown.contains("](<javascript"))
        #expect(markdown.contains("javascript\\:alert\\(1\\)"))
    }

    @Test("Detail is left out in order: passed and skipped lists, transcripts, further reasons, then rows")
    func levelsInOrder() throws {
        let report = MarkdownFixture.large(count: 60, failEvery: 3, lines: 12, lineLength: 80)
        let summary = try Self.summary()
        let options = RenderOptions()
        var lengths: [MarkdownDetailLevel: Int] = [:]
        for level in MarkdownDetailLevel.allCases {
            lengths[level] = MarkdownBudget.length(of: try summary.render(report, options: options, at: MarkdownDetail(level: level)))
        }
        let ordered = MarkdownDetailLevel.allCases.compactMap { lengths[$0] }
        #expect(ordered == ordered.sorted(by: >), "each level is shorter than the one before")

        for level in [MarkdownDetailLevel.full, .withoutPassedAndSkipped, .withoutTranscripts, .firstReasonOnly] {
            let limit = try #require(lengths[level])
            let fitted = try summary.fit(report, options: Self.options(limit: limit))
            #expect(fitted.detail == MarkdownDetail(level: level))
            #expect(MarkdownBudget.length(of: fitted.text) <= limit)
        }
        let noTranscripts = try summary.fit(report, options: Self.options(limit: try #require(lengths[.withoutTranscripts]))).text
        #expect(!noTranscripts.contains("passed tests</summary>"))
        #expect(!noTranscripts.contains("<summary>Transcript"))
        #expect(noTranscripts.contains("- … and 2 more reasons") == false)
        #expect(noTranscripts.hasSuffix(
            "✂️ Shortened to fit \(MarkdownText.grouped(lengths[.withoutTranscripts] ?? 0)) characters, leaving out the list of 40 passed tests and the transcripts of 20 failed tests. Everything is in the HTML report.\n"))

        let rows = try summary.render(report, options: options, at: MarkdownDetail(level: .firstReasonOnly, rowLimit: 7))
        let fitted = try summary.fit(report, options: Self.options(limit: MarkdownBudget.length(of: rows) + 1, reportURL: nil))
        #expect(fitted.detail == MarkdownDetail(level: .firstReasonOnly, rowLimit: 7))
        #expect(fitted.text.contains("… and 13 more failed or errored tests\n"))
        #expect(fitted.text.contains("leaving out the list of 40 passed tests, the transcripts of 7 failed tests, 14 further reasons and 13 of 20 failed or errored tests."))
    }

    @Test("Fitting with rows made once and reused chooses the detail and text that fresh values for every try give",
          arguments: [(30, 5_000), (300, 5_000), (300, 20_000), (1_000, 12_000), (1_000, 65_000), (1_000, 400)])
    func reusedRowsFitAsFreshOnes(count: Int, limit: Int) throws {
        let report = MarkdownFixture.large(count: count, failEvery: 3, lines: 12, lineLength: 80)
        let summary = try Self.summary()
        let options = Self.options(limit: limit)
        let fitted = try summary.fit(report, options: options)
        // The search as it ran before rows were kept: every try builds the values afresh.
        let rowCount = MarkdownContext(report: report, limit: limit).rowCount
        let fresh = try MarkdownBudget(limit: limit).fit(rowCount: rowCount) { detail in
            try summary.render(report, options: options, at: detail)
        }
        #expect(fitted.detail == fresh.detail)
        #expect(fitted.text == fresh.text)
    }

    @Test("The closing line links the full report when its URL is known")
    func omissionLink() throws {
        let report = MarkdownFixture.large(count: 300, failEvery: 2)
        let markdown = try Self.render(report, options: Self.options(limit: 20_000, reportURL: "https://ci.example/r/9"))
        #expect(MarkdownBudget.length(of: markdown) <= 20_000)
        #expect(markdown.hasSuffix("Everything is in the [full report](<https://ci.example/r/9>).\n"))
        #expect(markdown.contains(", in the [full report](<https://ci.example/r/9>)\n"))
    }

    @Test("A tiny limit keeps the verdict alone; one too small for that is an error")
    func tinyLimit() throws {
        let report = ReportFixture.mixed()
        let markdown = try Self.render(report, options: Self.options(limit: 400))
        #expect(markdown.hasPrefix("## ❌ SpeakNode agent tests: 2 passed"))
        #expect(markdown.contains("leaving out everything but the verdict."))
        #expect(!markdown.contains("|"))
        #expect(throws: MarkdownLimitError.self) { try Self.render(report, options: Self.options(limit: 100)) }
    }

    @Test("Characters beyond U+FFFF are kept and counted as two UTF-16 code units")
    func astralCharacters() throws {
        let report = MarkdownFixture.large(count: 400, failEvery: 1, lines: 4, lineLength: 50) { _ in
            String(repeating: "😀", count: 150)
        }
        let markdown = try Self.render(report, options: Self.options(limit: 30_000))
        #expect(markdown.contains(String(repeating: "😀", count: 150)))
        #expect(markdown.utf16.count <= 30_000)
        #expect(markdown.unicodeScalars.count < 27_000, "counting scalars instead would have allowed far more")
    }

    @Test("Very long payload text is shortened so one test cannot crowd out the others")
    func longPayload() throws {
        let reason = String(repeating: "r", count: 100_000)
        let tests = (0..<3).map { index in
            ReportFixture.test(
                id: "t\(index)", name: String(repeating: "n", count: 10_000),
                attempts: [ReportFixture.attempt(.failed, ReportFixture.conversation(session: "s\(index)", success: false), reasons: [reason])])
        }
        let markdown = try Self.render(ReportFixture.report(tests: tests))
        #expect(!markdown.contains("Shortened"))
        #expect(markdown.components(separatedBy: "… \\(99,000 more characters\\)").count == 4)
        #expect(markdown.components(separatedBy: "… \\(9,800 more characters\\)").count >= 4)
    }
}
