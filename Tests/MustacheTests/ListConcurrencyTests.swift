@testable import Mustache
import Testing

@Suite("Lists rendered on several cores")
struct ListConcurrencyTests {
    static let everyItemAPart = ListConcurrency(minimumItems: 1, minimumItemsPerPart: 1)

    /// Templates where what one item leaves pending (indentation of a standalone partial, of a
    /// block, a line end) decides what the next writes; `row` is the partial each includes.
    static let templates: [String] = [
        "{{#items}}\n{{name}}\n{{/items}}\n",
        "  {{>row}}\nend\n",
        "<ul>\n  {{>list}}\n</ul>\n",
        "a{{#items}}{{name}}{{/items}}b\n",
        "  {{#items}}{{missing}}{{/items}}\n  {{>list}}",
        "{{<parent}}{{$body}}\n    {{#items}}\n    {{name}}:{{#tags}}[{{.}}]{{/tags}}\n    {{/items}}\n{{/body}}{{/parent}}\n",
        "{{#items}}{{#hidden}}x{{/hidden}}{{/items}}|\n",
        "   {{>empty-rows}}\ntail\n",
        "  {{>inline}}\n",
    ]

    static let partials: [String: String] = [
        "row": "{{#items}}\n- {{name}}\n{{/items}}\n",
        "list": "{{#items}}\n<li>{{name}}</li>\n  {{>row}}\n{{/items}}\n",
        "parent": "begin\n  {{$body}}default{{/body}}\nend\n",
        "empty-rows": "{{#items}}\n{{missing}}\n{{/items}}\n",
        "inline": "a{{#items}}{{name}},{{/items}}b\nc{{#items}}\n{{name}}{{/items}}d\n",
    ]

    static func context(count: Int) -> MustacheValue {
        .object([
            "items": .list((0..<count).map { index in
                ["name": .string("n\(index)"), "tags": .list((0..<(index % 3)).map { .int($0) }), "hidden": false]
            }),
        ])
    }

    /// Ways to cut lists: every item a part (more parts than are in flight at once), parts of
    /// at most three items with only two in flight, and the default.
    static let cuttings: [ListConcurrency] = {
        var fewInFlight = ListConcurrency(minimumItems: 1, minimumItemsPerPart: 1, maximumItemsPerPart: 3)
        fewInFlight.partsInFlight = 2
        return [ListConcurrency(minimumItems: 1, minimumItemsPerPart: 1, maximumItemsPerPart: 1), fewInFlight, .automatic]
    }()

    @Test("Every template gives the same text whether its lists render in parts or in turn", arguments: templates)
    func sameText(_ source: String) throws {
        let library = try TemplateLibrary(sources: Self.partials)
        let template = try Template(source, name: "t")
        for count in [0, 1, 2, 3, 7, 40, 100, 300] {
            let context = Self.context(count: count)
            let serial = try template.render(context, partials: library, concurrency: .serial)
            for concurrency in Self.cuttings {
                #expect(try template.render(context, partials: library, concurrency: concurrency) == serial, "\(count) items")
                let pieces = SinkRenderingTests.Pieces()
                try template.render(context, partials: library, concurrency: concurrency) { pieces.append($0) }
                #expect(Array(pieces.all.joined()) == Array(serial.utf8), "\(count) items, into a sink")
            }
        }
    }

    @Test("A long list is cut into many small contiguous parts; a short one is not cut")
    func parts() throws {
        let automatic = ListConcurrency.automatic
        #expect(automatic.parts(of: 10) == nil)
        #expect(ListConcurrency.serial.parts(of: 1_000_000) == nil)
        for count in [32, 100, 300, 1_000, 7_001] {
            let parts = try #require(automatic.parts(of: count))
            #expect(parts.first?.lowerBound == 0 && parts.last?.upperBound == count)
            #expect(zip(parts, parts.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
            #expect(parts.allSatisfy { $0.count <= automatic.maximumItemsPerPart }, "\(count) items")
            #expect(parts.dropLast().allSatisfy { $0.count >= automatic.minimumItemsPerPart }, "\(count) items")
            // Enough parts for every core, even if not quite the preferred number.
            #expect(parts.count >= min(ListConcurrency.preferredParts, count / automatic.minimumItemsPerPart) * 3 / 4)
        }
        let onePerPart = ListConcurrency(minimumItems: 1, minimumItemsPerPart: 1, maximumItemsPerPart: 1)
        #expect(onePerPart.parts(of: 100)?.count == 100)
    }

    @Test("An error in any part is the error of the render")
    func errorInAPart() throws {
        // Each item's `items` nests further, so the partial includes itself past the depth limit.
        let library = try TemplateLibrary(sources: ["self": "{{#items}}{{>self}}{{/items}}"])
        #expect(throws: TemplateError.self) {
            try library.render("self", context: Self.selfNesting(depth: 300), concurrency: Self.everyItemAPart)
        }
    }

    /// An object nesting `items` lists `depth` deep.
    static func selfNesting(depth: Int) -> MustacheValue {
        var value: MustacheValue = .object(["items": .list([.int(0), .int(1)])])
        for _ in 0..<depth { value = .object(["items": .list([value, value])]) }
        return value
    }
}
