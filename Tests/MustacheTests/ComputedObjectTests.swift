import Mustache
import Testing

/// A counter whose members are worked out on lookup: `n`, `next` (the counter after it), `label`
/// (lazy), `items` (the next three counters), `none` (null) and nothing else.
private struct Counter: MustacheObject {
    var n: Int

    func member(_ key: String) -> MustacheValue? {
        switch key {
        case "n": .int(n)
        case "next": .computed(Counter(n: n + 1))
        case "label": .lazy { .string("<\(n)>") }
        case "items": .list((1...3).map { .computed(Counter(n: n + $0)) })
        case "none": .null
        default: nil
        }
    }
}

/// An object with no members at all.
private struct Empty: MustacheObject {
    func member(_ key: String) -> MustacheValue? { nil }
}

/// Another type with the same members as a `Counter` of 0, to tell types apart.
private struct Zero: MustacheObject {
    func member(_ key: String) -> MustacheValue? { Counter(n: 0).member(key) }
}

@Suite("Computed objects")
struct ComputedObjectTests {
    let context: MustacheValue = ["counter": .computed(Counter(n: 1)), "title": "outer", "none": "outer none", "n": 99]

    @Test("Members interpolate, escaped or not, and dotted names go through computed objects")
    func interpolation() throws {
        let template = try Template("{{counter.n}} {{counter.next.next.n}} {{counter.label}} {{{counter.label}}} [{{counter}}]")
        #expect(try template.render(context) == "1 3 &lt;1&gt; <1> []")
    }

    @Test("A missing member renders as nothing, and a dotted name does not leave the object it started in")
    func missingMembers() throws {
        let template = try Template("[{{counter.missing}}][{{counter.missing.n}}][{{counter.next.title}}][{{counter.none}}]")
        #expect(try template.render(context) == "[][][][]")
    }

    @Test("A section over an object makes it the innermost context; a list of them repeats")
    func sections() throws {
        let template = try Template("{{#counter}}{{n}}:{{#next}}{{n}}{{/next}}{{/counter}} {{#counter.items}}[{{n}}]{{/counter.items}}")
        #expect(try template.render(context) == "1:2 [2][3][4]")
    }

    @Test("A key the object lacks falls through to outer contexts; a key it has as null does not")
    func fallThrough() throws {
        let template = try Template("{{#counter}}{{title}}|{{none}}|{{n}}{{#next}}|{{title}}|{{n}}{{/next}}{{/counter}}")
        #expect(try template.render(context) == "outer||1|outer|2")
    }

    @Test("An object is truthy, even one without members; its inverted section never shows")
    func truthiness() throws {
        let template = try Template("{{#v}}shown{{/v}}{{^v}}hidden{{/v}}")
        #expect(try template.render(["v": .computed(Empty())]) == "shown")
        #expect(try template.render(["v": .computed(Counter(n: 0))]) == "shown")
        #expect(try Template("{{#v}}[{{title}}]{{/v}}").render(["v": .computed(Empty()), "title": "t"]) == "[t]")
    }

    @Test("A computed object renders as the dictionary of the same members, in every position and when cut into parts")
    func sameAsDictionary() throws {
        let template = try Template("{{#items}}{{n}}{{#next}}({{n}}){{/next}}{{^none}}-{{/none}}{{/items}}")
        let computed: MustacheValue = ["items": .list((0..<40).map { .computed(Counter(n: $0)) })]
        let stored: MustacheValue = [
            "items": .list((0..<40).map { ["n": .int($0), "next": ["n": .int($0 + 1)], "none": .null] })
        ]
        let expected = try template.render(stored, concurrency: .serial)
        #expect(try template.render(computed, concurrency: .serial) == expected)
        let parts = ListConcurrency(minimumItems: 1, minimumItemsPerPart: 1)
        #expect(try template.render(computed, concurrency: parts) == expected)
    }

    @Test("member(_:) looks into stored and computed objects alike, and resolves lazy members")
    func memberLookup() {
        let computed: MustacheValue = .computed(Counter(n: 5))
        #expect(computed.member("n") == 5)
        #expect(computed.member("label") == "<5>")
        #expect(computed.member("none") == .null)
        #expect(computed.member("missing") == nil)
        #expect(MustacheValue.object(["k": .lazy { "v" }]).member("k") == "v")
        #expect(MustacheValue.string("text").member("k") == nil)
    }

    @Test("Objects are equal when they are of the same type and equal as that type")
    func equality() {
        let one: MustacheValue = .computed(Counter(n: 1))
        #expect(one == .computed(Counter(n: 1)))
        #expect(one.hashValue == MustacheValue.computed(Counter(n: 1)).hashValue)
        #expect(one != .computed(Counter(n: 2)))
        #expect(MustacheValue.computed(Counter(n: 0)) != .computed(Zero()), "same members, other type")
        #expect(one != ["n": 1], "never equal to a dictionary")
        #expect(Set([one, .computed(Counter(n: 1)), .computed(Counter(n: 2))]).count == 2)
        guard case .computed(let object) = one else { Issue.record("not computed"); return }
        #expect((object.base as? Counter)?.n == 1)
    }
}
