import Foundation
import Mustache
import Testing
@testable import SpeakNodeReport

/// The renderer tells a caller when each format is done, so its file can be put in place while
/// the others still render.
@Suite("Rendering several formats, each announced when done")
struct ReportRendererFinishedTests {
    /// What the sinks received and what `finished` was told, from the rendering threads.
    final class Record: @unchecked Sendable {
        private let lock = NSLock()
        private var bytes: [[UInt8]]
        private var finished: [(index: Int, succeeded: Bool, bytesSoFar: Int)] = []

        init(count: Int) { bytes = Array(repeating: [], count: count) }

        func append(_ piece: [UInt8], at index: Int) { lock.withLock { bytes[index] += piece } }

        func finish(_ index: Int, _ result: Result<Void, any Error>) {
            lock.withLock {
                let succeeded = if case .success = result { true } else { false }
                finished.append((index, succeeded, bytes[index].count))
            }
        }

        var texts: [String] { lock.withLock { bytes.map { String(decoding: $0, as: UTF8.self) } } }
        var calls: [(index: Int, succeeded: Bool, bytesSoFar: Int)] { lock.withLock { finished } }
    }

    @Test("each format is announced once, with its result, after its whole text reached its sink")
    func announcedOnceWhenDone() throws {
        let report = ReportFixture.mixed()
        let formats: [ReportFormat] = [.junit, .markdown, .html]
        let record = Record(count: formats.count)
        let sinks: [TextSink] = formats.indices.map { index in { record.append($0, at: index) } }
        let renderer = ReportRenderer(templates: try TemplateSet())
        let results = renderer.render(report, as: formats, options: RenderOptions(), into: sinks) { index, result in
            record.finish(index, result)
        }
        #expect(results.allSatisfy { if case .success = $0 { true } else { false } })
        let calls = record.calls
        #expect(calls.map(\.index).sorted() == formats.indices.map { $0 })
        #expect(calls.allSatisfy { $0.succeeded })
        // Nothing reached a sink after its format was announced: the text was complete.
        let texts = record.texts
        for call in calls { #expect(call.bytesSoFar == texts[call.index].utf8.count) }
        for (index, format) in formats.enumerated() {
            let alone = try renderer.render(report, as: format, options: RenderOptions())
            #expect(texts[index] == alone, "\(format)")
        }
    }
}
