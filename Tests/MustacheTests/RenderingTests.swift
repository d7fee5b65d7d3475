import Mustache
import Testing

@Suite("Rendering")
struct RenderingTests {
    @Test("Falsey values are null, false, the empty string and the empty list")
    func falsey() throws {
        let template = try Template("{{#v}}shown{{/v}}{{^v}}hidden{{/v}}")
        let cases: [(MustacheValue, String)] = [
            (.null, "hidden"), (false, "hidden"), ("", "hidden"), ([], "hidden"),
            (true, "shown"), (0, "shown"), (0.0, "shown"), ("0", "shown"), (" ", "shown"),
            (.object([:]), "shown"), (["x"], "shown"),
        ]
        for (value, expected) in cases {
            #expect(try template.render(["v": value]) == expected, "value \(value)")
        }
        #expect(try template.render([:]) == "hidden")
    }

    @Test("A list section repeats; other truthy values become the innermost context")
    func sectionContexts() throws {
        let template = try Template("{{#items}}[{{name}}:{{title}}]{{/items}} {{#one}}{{.}}{{/one}} {{#count}}{{.}}{{/count}}")
        let context: MustacheValue = [
            "title": "T",
            "items": [["name": "a"], ["name": "b", "title": "own"]],
            "one": "solo",
            "count": 0,
        ]
        #expect(try template.render(context) == "[a:T][b:own] solo 0")
    }

    @Test("Dotted names resolve their first part up the stack and the rest strictly")
    func dottedNames() throws {
        let template = try Template("{{#inner}}{{outer.name}}|{{b.c}}{{/inner}}")
        let context: MustacheValue = [
            "outer": ["name": "O"],
            "inner": ["b": [:]],
            "b": ["c": "wrong"],
        ]
        #expect(try template.render(context) == "O|")
    }

    @Test("Numbers print without needless decimals")
    func numbers() throws {
        let template = try Template("{{a}} {{b}} {{c}} {{d}} {{e}}")
        let context: MustacheValue = ["a": 85, "b": 1.21, "c": 3.0, "d": -7, "e": 0.1]
        #expect(try template.render(context) == "85 1.21 3 -7 0.1")
    }

    @Test("Booleans print as true and false; lists and objects print nothing")
    func otherValues() throws {
        let template = try Template("{{t}} {{f}} [{{l}}] [{{o}}]")
        #expect(try template.render(["t": true, "f": false, "l": [1, 2], "o": ["k": "v"]]) == "true false [] []")
    }

    @Test("Unicode text and values pass through intact, and escape correctly")
    func unicode() throws {
        let template = try Template("«{{name}}» {{{raw}}} 🎉\n")
        let context: MustacheValue = ["name": "Zoë <ø> 日本語 👩‍👩‍👧", "raw": "e\u{301}<b>"]
        #expect(try template.render(context) == "«Zoë &lt;ø&gt; 日本語 👩‍👩‍👧» e\u{301}<b> 🎉\n")
    }

    @Test("Unicode delimiters work")
    func unicodeDelimiters() throws {
        let template = try Template("{{=« »=}}«name» {{name}} «={{ }}=»{{name}}")
        #expect(try template.render(["name": "x"]) == "x {{name}} x")
    }

    @Test("Control characters and markup in values are not interpreted")
    func untrustedValues() throws {
        let template = try Template("{{v}}|{{{v}}}")
        let value = "{{v}}\u{0}\u{1b}[31m\r\n'\"&"
        #expect(try template.render(["v": .string(value)]) == "{{v}}\u{0}\u{1b}[31m\r\n&#39;&quot;&amp;|" + value)
    }

    @Test("A template renders a large list into one buffer")
    func largeList() throws {
        let template = try Template("{{#tests}}<case name=\"{{name}}\"/>\n{{/tests}}")
        let tests = MustacheValue.list((0..<10_000).map { ["name": .string("test \($0)")] })
        let output = try template.render(["tests": tests])
        #expect(output.split(separator: "\n").count == 10_000)
        #expect(output.hasPrefix("<case name=\"test 0\"/>\n"))
    }
}
