import Testing
@testable import SpeakNodeReport

@Suite("Member names found by length and end bytes")
struct NameTableTests {
    /// Names that share lengths and first and last bytes (`isOther`/`isError`), one byte long,
    /// empty, non-ASCII, and more than a small string holds.
    static let names = [
        "", "a", "b", "ab", "ba", "isOther", "isError", "isSlow", "isSkipped", "kind", "side", "text", "é", "🙂",
        "aVeryLongMemberNameIndeed", "aVeryLongMemberNameIndeeD", "number", "name", "nam", "offset",
    ]

    @Test("Every name finds its own value, whatever names share its slot")
    func everyName() {
        let table = NameTable(Self.names.enumerated().map { ($1, $0) })
        for (index, name) in Self.names.enumerated() { #expect(table[name] == index, "\(name)") }
        #expect(Set(table.keys) == Set(Self.names))
    }

    @Test("A name not in the table finds nothing", arguments: ["c", "isOthers", "isErrors", "Kind", "sid", "aVeryLongMemberNameIndeedX", "e\u{301}", " "])
    func absent(_ name: String) {
        let table = NameTable(Self.names.map { ($0, 1) })
        #expect(table[name] == nil)
    }

    @Test("A table of many names finds each, and a table of none finds nothing")
    func sizes() {
        let many = (0..<500).map { "key\($0)" }
        let table = NameTable(many.map { ($0, $0.count) })
        for name in many { #expect(table[name] == name.count) }
        #expect(table["key500"] == nil)
        #expect(NameTable<Int>([])["key"] == nil)
    }

    @Test("Mapped and merged tables keep every name; a merged name takes what merging makes of both")
    func mappedAndMerged() {
        let table = NameTable([("a", 1), ("b", 2)]).mapValues { $0 * 10 }
        #expect(table["a"] == 10 && table["b"] == 20)
        let merged = table.merging([("b", 3), ("c", 4)]) { old, new in old + new }
        #expect(merged["a"] == 10 && merged["b"] == 23 && merged["c"] == 4)
        #expect(Set(merged.keys) == ["a", "b", "c"])
    }
}
