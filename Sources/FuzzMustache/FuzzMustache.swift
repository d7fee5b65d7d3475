import Foundation
import Mustache

// A libFuzzer target for the Mustache engine: arbitrary bytes are parsed as a template and,
// when they parse, rendered against a small context that has every kind of value.
//
// Built with `-sanitize=fuzzer` and `-D LIBFUZZER`, libFuzzer calls `LLVMFuzzerTestOneInput`
// with generated inputs. Built normally, the executable runs the same function once for every
// file named on its command line (folders are read file by file), to replay a corpus or a crash.
//
// The template may include itself as a partial (nesting is limited), but lists hold one item:
// a template is trusted text, and one that repeats itself exponentially, like any program, may
// legitimately run for ever.

/// A context with every kind of value, nested, and text that looks like markup and tags.
private let fuzzContext: MustacheValue = [
    "name": "<b>{{name}}</b> & \"quotes\"",
    "empty": "",
    "zero": 0,
    "number": 1.5,
    "yes": true,
    "no": false,
    "nothing": nil,
    "list": [["name": "item", "list": ["nested"]]],
    "none": [],
    "object": ["name": "inner", "object": ["name": "innermost"]],
    "partialName": "self",
]

/// Parses `bytes` as a template and renders it with every kind of escaping.
func exerciseMustache(_ bytes: [UInt8]) {
    let source = String(decoding: bytes, as: UTF8.self)
    guard let template = try? Template(source, name: "self") else { return }
    let library = TemplateLibrary(templates: ["self": template])
    for escaping in [Escaping.html, .none] {
        _ = try? template.render(fuzzContext, partials: library, escaping: escaping)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMustacheTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else {
        exerciseMustache([])
        return 0
    }
    exerciseMustache(Array(UnsafeBufferPointer(start: data, count: size)))
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

/// Hands the command line to libFuzzer, which runs `fuzzMustacheTestOneInput` on generated inputs.
@main
enum FuzzMustacheFuzzer {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzMustacheTestOneInput))
    }
}
#else
/// Replays files through the target without libFuzzer: `FuzzMustache Tests/Fuzz/Corpus/Mustache`.
@main
enum FuzzMustacheReplay {
    static func main() {
        var count = 0
        for path in CommandLine.arguments.dropFirst() {
            for file in filesToReplay(at: path) {
                guard let data = FileManager.default.contents(atPath: file) else {
                    FileHandle.standardError.write(Data("FuzzMustache: cannot read \(file)\n".utf8))
                    exit(2)
                }
                exerciseMustache(Array(data))
                count += 1
            }
        }
        print("FuzzMustache: replayed \(count) inputs without a crash")
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
