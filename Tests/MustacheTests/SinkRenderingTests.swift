import Foundation
import Mustache
import Testing

@Suite("Rendering into a sink")
struct SinkRenderingTests {
    /// Collects what a sink is handed, from whichever thread renders.
    final class Pieces: @unchecked Sendable {
        // Guarded by `lock`.
        private var pieces: [String] = []
        private let lock = NSLock()
        func append(_ piece: String) { lock.withLock { pieces.append(piece) } }
        var all: [String] { lock.withLock { pieces } }
    }

    @Test("The pieces, joined, are the text a plain render gives, for long lists rendered in parts or in turn")
    func piecesJoinToTheText() throws {
        let library = try TemplateLibrary(sources: ["row": "  <li>{{name}} {{&raw}}</li>\n"])
        let template = try Template("<ul>\n{{#items}}\n  {{>row}}\n{{/items}}\n</ul>\n", name: "list")
        let items: [MustacheValue] = (0..<20_000).map { index in
            ["name": .string("<item \(index)>"), "raw": .string(String(repeating: "x", count: index % 97))]
        }
        let context: MustacheValue = ["items": .list(items)]
        for concurrency in [ListConcurrency.serial, .automatic] {
            let whole = try template.render(context, partials: library, concurrency: concurrency)
            let pieces = Pieces()
            try template.render(context, partials: library, concurrency: concurrency) { pieces.append($0) }
            #expect(pieces.all.joined() == whole)
            #expect(pieces.all.count > 1, "a text of \(whole.utf8.count) bytes goes in several pieces")
            #expect(pieces.all.allSatisfy { $0.utf8.count < 2 << 20 && !$0.isEmpty }, "pieces stay about a megabyte")
        }
    }

    @Test("A short text goes in one piece; an empty one in none")
    func shortText() throws {
        let pieces = Pieces()
        try Template("Hello {{name}}").render(["name": "World"]) { pieces.append($0) }
        #expect(pieces.all == ["Hello World"])
        let none = Pieces()
        try Template("{{missing}}").render([:]) { none.append($0) }
        #expect(none.all.isEmpty)
    }
}
