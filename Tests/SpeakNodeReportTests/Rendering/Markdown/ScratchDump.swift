import Foundation
import Testing
@testable import SpeakNodeReport

@Test func scratchDump() throws {
    let r = ReportRenderer(templates: try TemplateSet())
    try r.render(ReportFixture.mixed(), as: .markdown, options: RenderOptions(reportURL: "https://ci.example/r/1")).write(toFile: "/tmp/md-mixed.md", atomically: true, encoding: .utf8)
    try r.render(ReportFixture.hostile(), as: .markdown, options: RenderOptions()).write(toFile: "/tmp/md-hostile.md", atomically: true, encoding: .utf8)
}

@Test func scratchLarge() throws {
    let clock = ContinuousClock()
    var report: Report!
    print("build", clock.measure { report = MarkdownFixture.large(count: 5000) })
    let r = ReportRenderer(templates: try TemplateSet())
    var text = ""
    print("context", clock.measure { _ = ReportContext(report: report, options: RenderOptions()) })
    print("render", try clock.measure { text = try r.render(report, as: .markdown, options: RenderOptions()) })
    print("length", text.utf16.count)
    try text.write(toFile: "/tmp/md-large.md", atomically: true, encoding: .utf8)
}
