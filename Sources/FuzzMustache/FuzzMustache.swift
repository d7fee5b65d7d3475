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
// legitimately run for ever. The one longer list, `pair`, has items that hide it (each has its
// own empty `pair`), so sections over it cannot nest into each other.
//
// Every template that renders is also rendered with each list item as its own part on several
// cores, and into a sink: both must give exactly the same text (a crash tells the fuzzer).

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
    "lazy": .lazy { ["name": "lazy <value>", "list": .lazy { ["x"] }] },
    "pair": [["name": "first\n", "pair": []], .lazy { ["name": "  second", "pair": []] }],
]

/// Parses `bytes` as a template and renders it with every kind of escaping.
func exerciseMustache(_ bytes: [UInt8]) {
    let source = String(decoding: bytes, as: UTF8.self)
    guard let template = try? Template(source, name: "self") else { return }
    let library = TemplateLibrary(templates: ["self": template])
    for escaping in [Escaping.html, .none] {
        guard let serial = try? template.render(fuzzContext, partials: library, escaping: escaping, concurrency: .serial)
        else { continue }
        let inParts = try? template.render(fuzzContext, partials: library, escaping: escaping, concurrency: everyItemAPart)
        precondition(inParts == serial, "rendering lists in parts changed the text")
        let pieces = Pieces()
        try? template.render(fuzzContext, partials: library, escaping: escaping, concurrency: everyItemAPart) {
            pieces.append($0)
        }
        precondition(pieces.text == serial, "rendering into a sink changed the text")
    }
}

/// Every list of two items or more split into one-item parts.
private let everyItemAPart = ListConcurrency(minimumItems: 1, minimumItemsPerPart: 1)

/// What a sink was handed.
private final class Pieces: @unchecked Sendable {
    // Guarded by `lock`.
    private var bytes: [UInt8] = []
    private let lock = NSLock()
    func append(_ piece: [UInt8]) { lock.withLock { bytes += piece } }
    /// The pieces joined; `nil` unless they are valid UTF-8, as they must be.
    var text: String? {
        lock.withLock {
            let text = String(decoding: bytes, as: UTF8.self)
            // Decoding replaces invalid bytes, which shows as a change.
            return text.utf8.elementsEqual(bytes) ? text : nil
        }
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
