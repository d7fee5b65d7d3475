import Mustache
import Testing

/// A point whose members are found in a key table, by key when rendering and by name otherwise.
/// It counts nothing: `byKey` tells which lookup answered, so a test sees rendering use keys.
private struct TablePoint: MustacheObject {
    enum Key: String, CaseIterable, Sendable { case x, y, label }
    static let keys = MustacheKeyTable(uniqueKeysWithValues: Key.allCases.map { ($0.rawValue, $0) })

    var x: Int
    var y: Int
    var byKey = false

    func member(_ name: String) -> MustacheValue? { Self.keys[name].map(value) }

    func member(_ key: MustacheKey) -> MustacheValue? {
        var found = self
        found.byKey = true
        return Self.keys[key].map(found.value)
    }

    func value(_ key: Key) -> MustacheValue {
        switch key {
        case .x: .int(x)
        case .y: .int(y)
        case .label: .string(byKey ? "by key" : "by name")
        }
    }
}

/// An object that answers by name only: rendering reaches it through the default lookup by key.
private struct NameOnly: MustacheObject {
    func member(_ name: String) -> MustacheValue? { name == "label" ? "by name only" : nil }
}

@Suite("Keys numbered at parse time")
struct MustacheKeyTests {
    @Test("Keys of the same name are equal and share a number; other names do not")
    func numbering() {
        let name = MustacheKey("name")
        #expect(MustacheKey("name") == name)
        #expect(MustacheKey("name").number == name.number)
        #expect(MustacheKey("other name") != name)
        #expect(MustacheKey("other name").number != name.number)
        #expect(Set([name, MustacheKey("name"), MustacheKey("other name")]).count == 2)
        #expect(name.name == "name")
    }

    @Test("A table finds its entries by key and by name, and nothing for other names")
    func table() {
        let table: MustacheKeyTable<Int> = MustacheKeyTable(uniqueKeysWithValues: [("one", 1), ("two", 2)])
        #expect(table[MustacheKey("one")] == 1)
        #expect(table[MustacheKey("two")] == 2)
        #expect(table["two"] == 2)
        #expect(table[MustacheKey("three, named after the table was built")] == nil)
        #expect(table["three"] == nil)
        let doubled = table.mapValues { $0 * 2 }
        #expect(doubled[MustacheKey("two")] == 4)
        #expect(doubled.byName == ["one": 2, "two": 4])
    }

    @Test("Rendering asks an object by key; one without a lookup by key answers by name")
    func renderingUsesKeys() throws {
        let context: MustacheValue = ["point": .computed(TablePoint(x: 1, y: 2)), "plain": .computed(NameOnly())]
        let template = try Template("{{point.label}} {{#point}}{{x}},{{y}} {{label}}{{/point}} {{plain.label}}")
        #expect(try template.render(context) == "by key 1,2 by key by name only")
        #expect(context.member("point")?.member("label") == "by name")
        #expect(context.member(MustacheKey("point"))?.member(MustacheKey("label")) == "by key")
    }

    @Test("A name the object lacks falls through to outer contexts, found by key or by name alike")
    func fallThrough() throws {
        let context: MustacheValue = ["z": "outer z", "items": .list([.computed(TablePoint(x: 1, y: 2)), .computed(NameOnly())])]
        let template = try Template("{{#items}}[{{x}}|{{z}}|{{label}}]{{/items}}")
        #expect(try template.render(context, concurrency: .serial) == "[1|outer z|by key][|outer z|by name only]")
        let parts = ListConcurrency(minimumItems: 1, minimumItemsPerPart: 1)
        #expect(try template.render(context, concurrency: parts) == "[1|outer z|by key][|outer z|by name only]")
    }
}
