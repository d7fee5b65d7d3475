import Foundation
import FuzzSupport
import Mustache

// A libFuzzer target for the Mustache engine: arbitrary bytes are parsed as a template and,
// when they parse, rendered against a small context that has every kind of value.
//
// How it runs, fuzzing or replaying a corpus, is ``FuzzDriver``'s part.
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

/// Fuzzes with libFuzzer, or replays files (`FuzzMustache Tests/Fuzz/Corpus/Mustache`): see ``FuzzDriver``.
@main
enum FuzzMustacheMain {
    static func main() {
        FuzzDriver.run(name: "FuzzMustache", testOneInput: fuzzMustacheTestOneInput)
    }
}
