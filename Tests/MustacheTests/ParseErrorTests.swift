import Mustache
import Testing

@Suite("Parse errors name the template, line and column of the offending tag")
struct ParseErrorTests {
    private func parseError(_ source: String, name: String = "page") -> TemplateError? {
        do {
            _ = try Template(source, name: name)
            return nil
        } catch {
            return error
        }
    }

    @Test("An unclosed section points at its opening tag")
    func unclosedSection() throws {
        let error = try #require(parseError("Hello\n  {{#items}}\n  x\n"))
        #expect(error.templateName == "page")
        #expect(error.line == 2)
        #expect(error.column == 3)
        #expect(error.message.contains("items"))
    }

    @Test("A closing tag that does not match points at the closing tag")
    func mismatchedClose() throws {
        let error = try #require(parseError("{{#a}}\n{{#b}}x{{/a}}{{/b}}"))
        #expect(error.line == 2)
        #expect(error.column == 8)
        #expect(error.message.contains("{{/b}}"))
    }

    @Test("A closing tag with no opening tag is an error")
    func strayClose() throws {
        let error = try #require(parseError("text {{/a}}"))
        #expect(error.line == 1)
        #expect(error.column == 6)
    }

    @Test("An unclosed tag points at its opening delimiter")
    func unclosedTag() throws {
        let error = try #require(parseError("one\ntwo {{name"))
        #expect(error.line == 2)
        #expect(error.column == 5)
        #expect(error.message.contains("}}"))
    }

    @Test("An unclosed triple mustache expects the closing brace")
    func unclosedTriple() throws {
        let error = try #require(parseError("{{{name}}"))
        #expect(error.message.contains("}}}"))
    }

    @Test("Empty names are errors", arguments: ["{{}}", "{{ }}", "{{#}}{{/}}", "{{>}}", "{{&}}", "{{{ }}}"])
    func emptyName(_ source: String) throws {
        let error = try #require(parseError(source))
        #expect(error.line == 1)
        #expect(error.column == 1)
    }

    @Test("Names with inner whitespace or empty dotted parts are errors", arguments: ["{{a b}}", "{{a..b}}", "{{.a}}", "{{a.}}"])
    func invalidName(_ source: String) throws {
        #expect(parseError(source) != nil)
    }

    @Test("Bad delimiter changes are errors", arguments: ["{{=<%=}}", "{{=<% %> x=}}", "{{==% %==}}", "{{=<% %>}}"])
    func badDelimiters(_ source: String) throws {
        let error = try #require(parseError(source))
        #expect(error.line == 1)
        #expect(error.column == 1)
    }

    @Test("Only blocks may appear directly inside a parent")
    func tagInsideParent() throws {
        let error = try #require(parseError("{{<layout}}\n  {{name}}\n{{/layout}}"))
        #expect(error.line == 2)
        #expect(error.column == 3)
    }

    @Test("Columns count characters, not bytes, and lines count through multi-line comments")
    func unicodeColumns() throws {
        let error = try #require(parseError("{{! a\ncomment }}héllo 🎉 {{#x}}"))
        #expect(error.line == 2)
        #expect(error.column == 19)
        let wide = try #require(parseError("👩‍👩‍👧 {{/x}}"))
        #expect(wide.column == 3)
    }

    @Test("The description reads NAME:LINE:COLUMN: MESSAGE")
    func description() throws {
        let error = try #require(parseError("\n\n   {{#a}}", name: "junit.xml"))
        #expect(error.description.hasPrefix("junit.xml:3:4: "))
        #expect(error.description.hasSuffix(error.message))
    }

    @Test("A library reports the first broken template in name order")
    func libraryReportsFirstError() throws {
        do {
            _ = try TemplateLibrary(sources: ["b": "{{#open}}", "a": "ok {{/close}}", "c": "fine"])
            Issue.record("expected an error")
        } catch {
            #expect(error.templateName == "a")
            #expect(error.column == 4)
        }
    }
}

@Suite("Nesting limits")
struct NestingTests {
    @Test("Deeply nested sections parse and render")
    func deepSections() throws {
        let depth = 400
        let source = String(repeating: "{{#a}}", count: depth) + "x" + String(repeating: "{{/a}}", count: depth)
        let template = try Template(source)
        #expect(try template.render(["a": true]) == "x")
    }

    @Test("Absurdly deep nesting is an error, not a crash")
    func tooDeep() throws {
        let source = String(repeating: "{{#a}}", count: 5_000)
        do {
            _ = try Template(source, name: "deep")
            Issue.record("expected an error")
        } catch {
            #expect(error.templateName == "deep")
            #expect(error.message.contains("500"))
        }
    }
}
