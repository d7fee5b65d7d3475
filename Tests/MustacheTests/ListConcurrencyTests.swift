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

    @Test("Every template gives the same text whether its lists render in parts or in turn", arguments: templates)
    func sameText(_ source: String) throws {
        let library = try TemplateLibrary(sources: Self.partials)
        let template = try Template(source, name: "t")
        for count in [0, 1, 2, 3, 7, 40, 100] {
            let context = Self.context(count: count)
            let serial = try template.render(context, partials: library, concurrency: .serial)
            #expect(try template.render(context, partials: library, concurrency: Self.everyItemAPart) == serial, "\(count) items")
            #expect(try template.render(context, partials: library, concurrency: .automatic) == serial, "\(count) items")
        }
    }

    @Test("A long list is cut into a bounded number of contiguous parts; a short one is not cut")
    func parts() throws {
        let automatic = ListConcurrency.automatic
        #expect(automatic.parts(of: 10) == nil)
        let parts = try #require(automatic.parts(of: 1_000))
        #expect(parts.count <= 32)
        #expect(parts.first?.lowerBound == 0 && parts.last?.upperBound == 1_000)
        #expect(zip(parts, parts.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        #expect(ListConcurrency.serial.parts(of: 1_000_000) == nil)
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
