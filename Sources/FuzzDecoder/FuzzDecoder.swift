import Foundation
import SpeakNodeReport

// A libFuzzer target for everything that reads untrusted bytes: the JSON parser, the delivery
// decoder, the collector and evaluator, and the three reports rendered from what was read.
//
// Built with `-sanitize=fuzzer` and `-D LIBFUZZER`, libFuzzer calls `LLVMFuzzerTestOneInput`
// with generated inputs. Built normally, the executable runs the same function once for every
// file named on its command line (folders are read file by file), to replay a corpus or a crash.

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

#if LIBFUZZER
/// libFuzzer's entry point for programs that have their own `main`, as SwiftPM executables do.
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// Hands the command line to libFuzzer, which runs `fuzzDecoderTestOneInput` on generated inputs.
@main
enum FuzzDecoderFuzzer {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzDecoderTestOneInput))
    }
}
#else
/// Replays files through the target without libFuzzer: `FuzzDecoder Tests/Fuzz/Corpus/Decoder`.
@main
enum FuzzDecoderReplay {
    static func main() {
        var count = 0
        for path in CommandLine.arguments.dropFirst() {
            for file in filesToReplay(at: path) {
                guard let data = FileManager.default.contents(atPath: file) else {
                    FileHandle.standardError.write(Data("FuzzDecoder: cannot read \(file)\n".utf8))
                    exit(2)
                }
                exerciseDecoder(Array(data))
                count += 1
            }
        }
        print("FuzzDecoder: replayed \(count) inputs without a crash")
    }

    /// `path` itself, or the regular files directly inside it, sorted.
    static func filesToReplay(at path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return [path]
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { path + "/" + $0 }
    }
}
#endif
