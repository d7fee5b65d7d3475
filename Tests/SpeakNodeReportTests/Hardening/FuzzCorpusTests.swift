import Foundation
import Mustache
import Testing
@testable import SpeakNodeReport

/// Replays the fuzzing seed corpus and every input a fuzzer found to crash (`Tests/Fuzz/Corpus`)
/// through what the fuzz targets exercise, so a fixed crash stays fixed in a normal `swift test`.
@Suite("Hardening: fuzz corpus replay")
struct FuzzCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/Corpus").path

    static func files(in folder: String) -> [String] {
        let path = corpus + "/" + folder
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { path + "/" + $0 }
    }

    @Test("every decoder input is read in each format and rendered", arguments: files(in: "Decoder"))
    func decoder(path: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let templates = try TemplateSet()
        for format in [InputFormat.detected, .json, .ndjson] {
            let batch = DeliveryContentsDecoder().decode(Array(bytes), file: "fuzz", format: format)
            #expect(!batch.deliveries.isEmpty || !batch.problems.isEmpty, "an input is either read or reported")
            let report = Evaluator(policy: .all).evaluate(Collector().collect(batch.deliveries), problems: batch.problems)
            for reportFormat in ReportFormat.allCases {
                _ = try ReportRenderer(templates: templates).render(report, as: reportFormat, options: RenderOptions())
            }
        }
    }

    @Test("every template input parses or fails with an error, and renders", arguments: files(in: "Mustache"))
    func mustache(path: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let source = String(decoding: bytes, as: UTF8.self)
        guard let template = try? Template(source, name: "self") else { return }
        let context: MustacheValue = ["name": "{{name}}", "list": [["name": "item"]], "object": ["name": "inner"]]
        _ = try? template.render(context, partials: TemplateLibrary(templates: ["self": template]))
    }

    @Test("the corpus is there")
    func corpusExists() {
        #expect(Self.files(in: "Decoder").count >= 10)
        #expect(Self.files(in: "Mustache").count >= 5)
    }
}
