import Foundation
import Testing
@testable import SpeakNodeReport

@Suite("HTML report")
struct HTMLReportTests {
    @Test("One self-contained file: a Content-Security-Policy first, inline CSS and script, nothing remote")
    func selfContained() throws {
        let html = try HTMLFixture.render(HTMLFixture.rich(), options: RenderOptions(title: "Nightly agents", reportURL: "https://ci.example/report.html", toolVersion: "1.2.3"))
        let shape = HTMLShape(html)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<title>Nightly agents: Failed</title>"))
        let head = try #require(html.range(of: "</head>")).lowerBound
        let policy = try #require(html.range(of: "http-equiv=\"Content-Security-Policy\"")).lowerBound
        let style = try #require(html.range(of: "<style>")).lowerBound
        #expect(policy < head && policy < style)
        #expect(html.contains("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"))
        // Nothing is fetched: no external stylesheet, script, image, frame, font or import.
        #expect(shape.elements.isDisjoint(with: ["link", "img", "iframe", "object", "embed", "base", "picture", "source", "video"]))
        #expect(!shape.attributes.contains("script@src"))
        #expect(shape.counts["script"] == 1)
        for remote in ["@import", "url(", "fetch(", "XMLHttpRequest", "import(", "WebSocket", "sendBeacon"] {
            #expect(!html.contains(remote), "\(remote)")
        }
        // The only links leave to the recording and the published report; everything else is in-page.
        let external = Set(shape.links.filter { !$0.hasPrefix("#") })
        #expect(external == ["https://rec.example/a.ogg?x=1&amp;y=2", "https://ci.example/report.html"])
    }

    @Test("Every run and test has a stable anchor, every in-page link lands on one, no id repeats")
    func anchors() throws {
        let html = try HTMLFixture.render(HTMLFixture.rich())
        let shape = HTMLShape(html)
        #expect(Set(shape.ids).count == shape.ids.count, "duplicate ids")
        let ids = Set(shape.ids)
        for link in shape.links where link.hasPrefix("#") {
            #expect(ids.contains(String(link.dropFirst())), "\(link) points nowhere")
        }
        for anchor in ["run-01dbc221-8963-4bd7-8591-4a1f9d286862", "test-fails", "test-flaky", "test-passes", "test-skipped",
                       "test-fails-attempt-1", "test-flaky-attempt-2"] {
            #expect(ids.contains(anchor), "\(anchor)")
        }
        #expect(ids.contains(HTMLAnchor.run("second run")))
        #expect(ids.contains("test-passes-in-\(HTMLAnchor.run("second run"))"), "a repeated test id is qualified by its run")
        #expect(ids.allSatisfy { HTMLAnchorTests.isSafe($0) })
        // The shared context carries the same anchors, so the Markdown summary can link to them.
        let context = ReportContext(report: HTMLFixture.rich(), options: RenderOptions()).value
        #expect(lookup(context, "runs.0.anchor") == "run-01dbc221-8963-4bd7-8591-4a1f9d286862")
        #expect(lookup(context, "runs.0.tests.0.anchor") == "test-fails")
    }

    @Test("The tests table has one row per test, failed, errored and flaky first, with counts per status")
    func rows() throws {
        let html = try HTMLFixture.render(HTMLFixture.rich())
        let rows = html.components(separatedBy: "<tr data-category=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(rows == ["failed", "flaky", "passed", "skipped", "passed"])
        #expect(HTMLShape(html).counts["details"] == 5 + 2, "one section per test, one per attempt of a retried test")
        #expect(html.contains("value=\"failed\" checked> Failed (<span class=\"count\">1</span>)"))
        #expect(html.contains("value=\"passed\" checked> Passed (<span class=\"count\">2</span>)"))
        #expect(html.contains("value=\"error\" checked> Errors (<span class=\"count\">0</span>)"))
        #expect(html.contains("<output id=\"shown\" aria-live=\"polite\">Showing 5 tests</output>"))
        // The controls only appear when the script runs; without it the page is plain tables and details.
        #expect(html.contains("<form class=\"filters\" id=\"filters\" role=\"search\" aria-label=\"Filter tests\" hidden>"))
        #expect(html.contains("<td>Did not confirm</td>"), "first reason")
        #expect(html.contains("data-search=\"fails\nHung up\""), "other reasons are searchable")
    }

    @Test("An attempt shows its evaluation, recording and conversation turn by turn")
    func attempt() throws {
        let html = try HTMLFixture.render(HTMLFixture.rich())
        #expect(html.contains("<dt>Success</dt><dd>No</dd>"))
        #expect(html.contains("<dt>Success</dt><dd>Not evaluated</dd>"))
        #expect(html.contains("<ul><li>Did not confirm</li><li>Hung up</li></ul>"))
        #expect(html.contains("<dt>Completion reason</dt><dd>StepsExhausted</dd>"))
        #expect(html.contains("<dt>Test status</dt><dd>Completed</dd>"))
        #expect(html.contains("<audio controls preload=\"none\" src=\"https://rec.example/a.ogg?x=1&amp;y=2\"></audio>"))
        // User and agent turns, the wait before an agent turn, interruptions.
        #expect(html.contains("<li class=\"user\"><span class=\"who\">User</span> <span class=\"meta\">00:04.0</span>"))
        #expect(html.contains("· replied after 1.84 s"))
        #expect(html.contains("LLM 900 ms · TTS 300 ms"))
        #expect(!html.contains("replied after 0"), "a latency of 0 means not measured")
        #expect(html.contains("<span class=\"badge slow\" title=\"End-to-end latency 1.84 s, over the 1.50 s budget\">over budget"))
        #expect(html.contains("<span class=\"badge\">interrupted</span> <span class=\"badge slow\""))
        #expect(html.contains("</span></span><p class=\"said interrupted\">Sure, let me</p>"))
        // Tool calls with pretty-printed arguments, errors marked in text as well as colour.
        #expect(html.contains("<pre>{\n  &quot;day&quot;: &quot;mon&quot;,\n  &quot;note&quot;: &quot;x&quot;\n}</pre>"))
        #expect(html.contains("<li class=\"tool tool-error\"><span class=\"who\">Tool error of book_slot</span>"))
        #expect(html.contains("<li class=\"separator\">Handoff to agent <code>scheduler</code>"))
        #expect(html.contains("Configuration changed <span class=\"meta\">00:10.0</span>: tools added a, b<pre>Be brief</pre>"))
        #expect(html.contains("<span class=\"who\">System</span> <span class=\"meta\">00:11.0</span><p class=\"said\">Transcription: odd item</p>"))
    }

    @Test("A recording whose link expired before the report's latest data says so; the check never reads the clock")
    func expiredRecording() throws {
        let html = try HTMLFixture.render(HTMLFixture.rich())
        let expired = html.components(separatedBy: "<strong class=\"error\">Expired:</strong>").count - 1
        #expect(expired == 1, "only the failing attempt's link (expiring a minute after the start) had expired")
        #expect(html.contains("The recording link expired on 2025-11-25 14:01:00 UTC"))
        #expect(html.contains("(link valid until 2025-12-02 14:00:00 UTC)"))
    }

    @Test("Failing tests start open, passing ones closed; a very red report starts collapsed")
    func openSections() throws {
        let html = try HTMLFixture.render(HTMLFixture.rich())
        #expect(html.contains("<details class=\"test\" id=\"test-fails\" data-attention open>"))
        #expect(html.contains("<details class=\"test\" id=\"test-flaky\" data-attention open>"))
        #expect(html.contains("<details class=\"test\" id=\"test-passes\">"))
        // Only open sections carry an audio player (the script adds one when a section opens).
        let passes = try #require(html.components(separatedBy: "<details class=\"test\" id=\"test-passes\">").last)
        let section = try #require(passes.components(separatedBy: "</details>").first)
        #expect(!section.contains("<audio"))
        #expect(section.contains("<a class=\"recording\" href=\"https://rec.example/a.ogg?x=1&amp;y=2\""))
        let many = (0...HTMLReportContext.openTestLimit).map { index in
            ReportFixture.test(id: "t\(index)", attempts: [ReportFixture.attempt(.failed, ReportFixture.conversation(session: "s\(index)", success: false), reasons: ["r"])])
        }
        let red = try HTMLFixture.render(ReportFixture.report(tests: many))
        #expect(!red.contains("<details class=\"test\" id=\"t0\" data-attention open>"))
        #expect(!red.contains("data-attention open>"))
    }

    @Test("Above the transcript budget, transcripts of passing tests are left out first, with a note")
    func budget() throws {
        let report = HTMLFixture.rich()
        let failingSize = HTMLReportContext.estimatedSize(report.runs[0].tests[0].attempts[0].conversation)
        let shared = ReportContext(report: report, options: RenderOptions()).value
        let context = HTMLReportContext(report: report, shared: shared, budget: failingSize)
        let html = try TemplateSet().render("report.html", context: context.value)
        #expect(html.contains("4 transcripts were left out to keep this file small"))
        #expect(html.contains("<p class=\"note\">Transcript of 8 turns left out to keep this file small.</p>"))
        #expect(html.contains("<ol class=\"transcript\" aria-label=\"Transcript of attempt 1\">"), "the failing test keeps its transcript")
        #expect(html.components(separatedBy: "<ol class=\"transcript\"").count - 1 == 1)
        let full = try HTMLFixture.render(report)
        #expect(!full.contains("left out to keep this file small"))
    }

    @Test("Payload text never becomes an element, attribute, id or link")
    func hostile() throws {
        let attack = "<b id=\"x\" onclick=\"alert(1)\">bold</b><img src=x onerror=alert(1)> \" onmouseover=\"alert(2) ' <script>alert(3)</script>"
            + "</details></pre>{{title}}\u{0}\u{1B}"
        let benign = HTMLShape(try HTMLFixture.render(HTMLFixture.rich()))
        let hostileReport = HTMLFixture.rich(text: attack, marker: attack, audioURL: "javascript:alert(1)")
        let html = try HTMLFixture.render(hostileReport, options: RenderOptions(title: attack, reportURL: "data:text/html,x"))
        let shape = HTMLShape(html)
        #expect(shape.elements.subtracting(["audio"]).isSubset(of: benign.elements), "\(shape.elements.subtracting(benign.elements))")
        #expect(shape.attributes.isSubset(of: benign.attributes), "\(shape.attributes.subtracting(benign.attributes))")
        #expect(!shape.elements.contains("audio"), "a javascript: recording is never a source")
        #expect(shape.counts["script"] == 1)
        #expect(shape.links.allSatisfy { $0.hasPrefix("#") }, "\(shape.links.filter { !$0.hasPrefix("#") })")
        #expect(shape.ids.allSatisfy { HTMLAnchorTests.isSafe($0) })
        #expect(!html.contains("<b id"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("\u{0}") && !html.contains("\u{1B}"))
        #expect(html.contains("&lt;b id=&quot;x&quot; onclick=&quot;alert(1)&quot;&gt;bold&lt;/b&gt;"))
        #expect(html.contains("{{title}}"), "payload {{…}} is shown as it came, never evaluated")
        #expect(html.contains("javascript:alert(1) <span class=\"meta\">(not an http(s) link, shown as text)</span>"))
        #expect(html.contains("data:text/html,x"), "a non-http report URL is text")
    }

    @Test("A user can override one block of the layout, such as the footer or the latency block, and keep the rest")
    func blockOverride() throws {
        let folder = try TemplateSetTests.folder(with: [
            "report.html.mustache": """
                {{<layout.html}}{{$style}}.verdict { font-size: 22px; }{{/style}}{{$footer}}Custom footer for {{title}}{{/footer}}\
                {{$latency}}<section id="latency"><h2>Latency</h2></section>{{/latency}}{{/layout.html}}
                """
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = try ReportRenderer(templates: TemplateSet(overridesIn: folder.path))
            .render(HTMLFixture.rich(), as: .html, options: RenderOptions())
        #expect(html.contains("Custom footer for SpeakNode agent tests"))
        #expect(html.contains(".verdict { font-size: 22px; }\n</style>"))
        #expect(html.contains("<h1>SpeakNode agent tests</h1>"))
        #expect(html.contains("<main id=\"main\" class=\"page\">\n<section id=\"latency\"><h2>Latency</h2></section>"))
        #expect(!html.contains("Generated by speaknode-report"))
        #expect(html.contains("<details class=\"test\" id=\"test-fails\""), "the content block keeps its default")
        let builtin = try HTMLFixture.render(HTMLFixture.rich(), options: RenderOptions())
        let builtinIDs = HTMLShape(builtin).ids.filter { !$0.hasPrefix("latency-") }
        #expect(Set(HTMLShape(html).ids) == Set(builtinIDs + ["latency"]), "the built-in charts are replaced, the rest stays")
    }

    @Test("The same report renders byte for byte the same")
    func deterministic() throws {
        #expect(try HTMLFixture.render(HTMLFixture.rich()) == HTMLFixture.render(HTMLFixture.rich()))
    }
}
