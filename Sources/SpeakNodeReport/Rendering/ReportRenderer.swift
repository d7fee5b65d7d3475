import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Mustache

/// Renders a `Report` into JUnit XML, a Markdown summary or an HTML report.
///
/// The renderer never parses input and never computes verdicts: it turns the evaluated report
/// into a `ReportContext` and hands it to the format's main template.
public struct ReportRenderer: Sendable {
    public var templates: TemplateSet

    public init(templates: TemplateSet) {
        self.templates = templates
    }

    public func render(_ report: Report, as format: ReportFormat, options: RenderOptions) throws -> String {
        let shared = ReportContext(report: report, options: options).value
        return try render(report, as: format, options: options, sharedContext: shared)
    }

    /// Renders several formats of one report, in the order given: the shared template context
    /// is built once and the formats render concurrently, since each is a pass over every
    /// transcript. Each result is what ``render(_:as:options:)`` gives for that format.
    public func render(
        _ report: Report, as formats: [ReportFormat], options: RenderOptions
    ) -> [Result<String, any Error>] {
        renderConcurrently(report, formats, options) { index, shared in
            try render(report, as: formats[index], options: options, sharedContext: shared)
        }
    }

    /// Renders several formats of one report concurrently, as ``render(_:as:options:)-swift.method``
    /// does, each handed to its sink (one per format, in the same order) as UTF-8 bytes, piece
    /// by piece as it is made, so that a report of a hundred megabytes is never held whole. The Markdown summary,
    /// which is fitted to a length, goes in one piece. A format whose result is a failure has
    /// handed its sink only part of its text, which should be thrown away.
    ///
    /// - Parameter finished: Called with the index and result of each format as soon as it is
    ///   done, on the thread that rendered it, while other formats may still be rendering: a
    ///   caller can put a finished report in place (flush and rename a file of tens of
    ///   megabytes) meanwhile, rather than after the slowest format.
    public func render(
        _ report: Report, as formats: [ReportFormat], options: RenderOptions, into sinks: [TextSink],
        finished: @escaping @Sendable (Int, Result<Void, any Error>) -> Void = { _, _ in }
    ) -> [Result<Void, any Error>] {
        precondition(sinks.count == formats.count, "one sink per format")
        return renderConcurrently(report, formats, options) { index, shared in
            let (format, sink) = (formats[index], sinks[index])
            let result = Result { () throws -> Void in
                switch format {
                case .markdown:
                    let summary = try MarkdownSummary(templates: templates).render(report, options: options, shared: shared)
                    sink(Array(summary.utf8))
                case .junit, .html:
                    try templates.render(format.templateName, context: context(report, format, shared), to: sink)
                }
            }
            finished(index, result)
            return try result.get()
        }
    }

    /// Runs `body` for the index of every format concurrently, with the shared context built
    /// once, the HTML report (the longest) first; the results in the order of `formats`.
    private func renderConcurrently<Output: Sendable>(
        _ report: Report, _ formats: [ReportFormat], _ options: RenderOptions,
        _ body: @escaping @Sendable (Int, MustacheValue) throws -> Output
    ) -> [Result<Output, any Error>] {
        // Every format reads it (the Markdown summary's root is this context too).
        let shared = formats.isEmpty ? MustacheValue.null : ReportContext(report: report, options: options).value
        let results = ConcurrentSlots<Result<Output, any Error>>(count: formats.count)
        // The HTML report takes longest: started first, the others fill the remaining cores.
        // Each format is a task of its own rather than an iteration of `concurrentPerform`:
        // work a format spreads over the cores (long lists, its context) would run serially
        // inside one, as `concurrentPerform` within `concurrentPerform` does.
        let order = formats.indices.filter { formats[$0] == .html } + formats.indices.filter { formats[$0] != .html }
        let group = DispatchGroup()
        for index in order {
            DispatchQueue.global().async(group: group) {
                results.store(Result { try body(index, shared) }, at: index)
            }
        }
        group.wait()
        // Freeing the values of thousands of tests takes a noticeable part of a second: it
        // happens on another thread, so the reports are done without waiting for it.
        BackgroundRelease.release(consume shared)
        return results.all
    }

    private func render(
        _ report: Report, as format: ReportFormat, options: RenderOptions, sharedContext: MustacheValue
    ) throws -> String {
        if format == .markdown {
            return try MarkdownSummary(templates: templates).render(report, options: options, shared: sharedContext)
        }
        return try templates.render(format.templateName, context: context(report, format, sharedContext))
    }

    /// The root context of JUnit (the shared one) or of the HTML report (with its own values).
    private func context(_ report: Report, _ format: ReportFormat, _ shared: MustacheValue) -> MustacheValue {
        format == .html ? HTMLReportContext(report: report, shared: shared).value : shared
    }
}
