import Dispatch
import Foundation
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
        // Every format reads it (the Markdown summary's root is this context too).
        let shared = formats.isEmpty ? MustacheValue.null : ReportContext(report: report, options: options).value
        let results = RenderedTexts(count: formats.count)
        // The HTML report takes longest: started first, the others fill the remaining cores.
        let order = formats.indices.filter { formats[$0] == .html } + formats.indices.filter { formats[$0] != .html }
        DispatchQueue.concurrentPerform(iterations: order.count) { step in
            let index = order[step]
            results.store(Result { try render(report, as: formats[index], options: options, sharedContext: shared) }, at: index)
        }
        return results.all
    }

    private func render(
        _ report: Report, as format: ReportFormat, options: RenderOptions, sharedContext: MustacheValue
    ) throws -> String {
        if format == .markdown {
            return try MarkdownSummary(templates: templates).render(report, options: options, shared: sharedContext)
        }
        let value = format == .html ? HTMLReportContext(report: report, shared: sharedContext).value : sharedContext
        return try templates.render(format.templateName, context: value)
    }
}

/// The texts of formats rendered concurrently, one slot per format.
private final class RenderedTexts: @unchecked Sendable {
    // Guarded by `lock`; read only after every format is rendered.
    private var slots: [Result<String, any Error>]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: .success(""), count: count)
    }

    func store(_ result: Result<String, any Error>, at index: Int) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    var all: [Result<String, any Error>] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
