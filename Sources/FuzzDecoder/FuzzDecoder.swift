import Foundation
import FuzzSupport
import SpeakNodeReport

// A libFuzzer target for everything that reads untrusted bytes: the JSON parser, the delivery
// decoder, the collector and evaluator, and the three reports rendered from what was read.
//
// How it runs, fuzzing or replaying a corpus, is ``FuzzDriver``'s part.

/// Parsed once: the templates are not what this target tests.
private let builtinTemplates = try? TemplateSet()

/// Reads `bytes` as each input format, and renders every report from what both formats read.
func exerciseDecoder(_ bytes: [UInt8]) {
    let decoder = DeliveryContentsDecoder()
    var batch = decoder.decode(bytes, file: "fuzz", format: .json)
    batch.append(contentsOf: decoder.decode(bytes, file: "fuzz", format: .ndjson))
    _ = decoder.decode(bytes, file: "fuzz", format: .detected)
    // Rendering is the slow part, so it runs once, on everything read.
    for policy in AttemptPolicy.allCases {
        let report = Evaluator(policy: policy).evaluate(Collector().collect(batch.deliveries), problems: batch.problems)
        guard policy == .all, let builtinTemplates else { continue }
        let renderer = ReportRenderer(templates: builtinTemplates)
        for reportFormat in ReportFormat.allCases {
            _ = try? renderer.render(report, as: reportFormat, options: RenderOptions())
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecoderTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else {
        exerciseDecoder([])
        return 0
    }
    exerciseDecoder(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

/// Fuzzes with libFuzzer, or replays files (`FuzzDecoder Tests/Fuzz/Corpus/Decoder`): see ``FuzzDriver``.
@main
enum FuzzDecoderMain {
    static func main() {
        FuzzDriver.run(name: "FuzzDecoder", testOneInput: fuzzDecoderTestOneInput)
    }
}
