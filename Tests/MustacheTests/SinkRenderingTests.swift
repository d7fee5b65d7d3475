import Foundation
@testable import Mustache
import Testing

@Suite("Rendering into a sink")
struct SinkRenderingTests {
    /// Collects what a sink is handed, from whichever thread renders.
    final class Pieces: @unchecked Sendable {
        // Guarded by `lock`.
        private var pieces: [[UInt8]] = []
        private let lock = NSLock()
        func append(_ piece: [UInt8]) { lock.withLock { pieces.append(piece) } }
        var all: [[UInt8]] { lock.withLock { pieces } }
        /// Each piece as a string; `nil` for a piece that is not valid UTF-8.
        var strings: [String?] {
            all.map { piece in
                let text = String(decoding: piece, as: UTF8.self)
                return text.utf8.elementsEqual(piece) ? text : nil
            }
        }
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
            #expect(Array(pieces.all.joined()) == Array(whole.utf8))
            #expect(pieces.all.count > 1, "a text of \(whole.utf8.count) bytes goes in several pieces")
            #expect(pieces.all.allSatisfy { $0.count < 2 << 20 && !$0.isEmpty }, "pieces stay about a megabyte")
        }
    }

    @Test("Pieces are whole characters, and join to the text, with non-ASCII values, escaping and indented partials")
    func piecesOfNonASCIIText() throws {
        let library = try TemplateLibrary(sources: ["row": "«{{name}}»\n  {{{raw}}}\n"])
        let template = try Template("{{#items}}\n  ✓ {{>row}}\n{{/items}}\n", name: "list")
        let items: [MustacheValue] = (0..<3_000).map { index in
            ["name": .string("<é \(index) 😀 & \"日本\">"), "raw": .string(String(repeating: "ü", count: index % 300))]
        }
        let context: MustacheValue = ["items": .list(items)]
        for concurrency in [ListConcurrency.serial, .automatic] {
            let whole = try template.render(context, partials: library, concurrency: concurrency)
            let pieces = Pieces()
            try template.render(context, partials: library, concurrency: concurrency) { pieces.append($0) }
            #expect(pieces.all.count > 1)
            #expect(pieces.strings.allSatisfy { $0 != nil }, "every piece is valid UTF-8 on its own")
            #expect(pieces.strings.compactMap { $0 }.joined() == whole)
        }
    }

    @Test("Long parts of a list go to the sink as pieces of their own, in order, after the indentation due before them")
    func longPartsGoAsTheyAre() throws {
        let library = try TemplateLibrary(sources: ["row": "{{text}}\n{{#more}}{{.}}{{/more}}\n"])
        let template = try Template("<list>\n{{#items}}\n    {{>row}}\n{{/items}}\nend\n", name: "list")
        let items: [MustacheValue] = (0..<300).map { index in
            ["text": .string("<\(index)>" + String(repeating: "é", count: 20_000)), "more": ["a\nb", "c"]]
        }
        let context: MustacheValue = ["items": .list(items)]
        let serial = try template.render(context, partials: library, concurrency: .serial)
        let pieces = Pieces()
        try template.render(context, partials: library, concurrency: .automatic) { pieces.append($0) }
        #expect(Array(pieces.all.joined()) == Array(serial.utf8))
        #expect(pieces.all.count > 3)
        #expect(pieces.all.allSatisfy { !$0.isEmpty })
    }

    @Test("A short text goes in one piece; an empty one in none")
    func shortText() throws {
        let pieces = Pieces()
        try Template("Hello {{name}}").render(["name": "World"]) { pieces.append($0) }
        #expect(pieces.strings == ["Hello World"])
        let none = Pieces()
        try Template("{{missing}}").render([:]) { none.append($0) }
        #expect(none.all.isEmpty)
    }

    /// What the sink had been handed, and how many items had been built, at each piece.
    final class Progress: @unchecked Sendable {
        // Guarded by `lock`.
        private var built = 0
        private var handed = 0
        private var seen: [(handedBytes: Int, built: Int)] = []
        private let lock = NSLock()
        func itemBuilt() { lock.withLock { built += 1 } }
        func piece(_ piece: [UInt8]) { lock.withLock { handed += piece.count; seen.append((handed, built)) } }
        var pieces: [(handedBytes: Int, built: Int)] { lock.withLock { seen } }
    }

    @Test("A long list's text reaches the sink while it renders, with only a few parts rendered ahead",
          arguments: [1, 4])
    func boundedAhead(partsInFlight: Int) throws {
        let itemBytes = 50_000
        let count = 400
        let progress = Progress()
        let text = String(repeating: "x", count: itemBytes)
        // Each item is built when its part starts rendering, and renders to `itemBytes` bytes.
        let items: [MustacheValue] = (0..<count).map { _ in
            .lazy { progress.itemBuilt(); return ["text": .string(text)] }
        }
        var concurrency = ListConcurrency.automatic
        concurrency.partsInFlight = partsInFlight
        let partSize = try #require(concurrency.parts(of: count)?.first?.count)
        try Template("{{#items}}{{text}}{{/items}}").render(["items": .list(items)], concurrency: concurrency) {
            progress.piece($0)
        }
        let pieces = progress.pieces
        #expect(pieces.last?.handedBytes == count * itemBytes)
        #expect(pieces.count > 1)
        #expect(try #require(pieces.first).built < count, "the first piece comes before the last item is built")
        for piece in pieces {
            // Parts up to `partsInFlight` after the last one joined may have started.
            let handedItems = piece.handedBytes / itemBytes
            #expect(piece.built <= handedItems + partsInFlight * partSize, "\(piece)")
        }
    }
}
