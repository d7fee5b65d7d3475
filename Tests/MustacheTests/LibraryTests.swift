import Mustache
import Testing

@Suite("Template library")
struct LibraryTests {
    @Test("Names are sorted and templates are found by name")
    func names() throws {
        let library = try TemplateLibrary(sources: ["b": "B", "a": "A", "c.md": "C"])
        #expect(library.names == ["a", "b", "c.md"])
        #expect(library["a"] != nil)
        #expect(library["missing"] == nil)
        #expect(try library.render("c.md", context: nil) == "C")
    }

    @Test("Parsed templates can be combined into a library")
    func fromTemplates() throws {
        let library = TemplateLibrary(templates: ["row": try Template("<{{.}}>", name: "row")])
        let template = try Template("{{#items}}{{>row}}{{/items}}")
        #expect(try template.render(["items": [1, 2]], partials: library) == "<1><2>")
    }

    @Test("Rendering a missing template throws an error naming it")
    func missingTemplate() throws {
        let library = try TemplateLibrary(sources: ["a": "A"])
        do {
            _ = try library.render("report.html", context: [:])
            Issue.record("expected an error")
        } catch {
            #expect(error.templateName == "report.html")
            #expect(error.message.contains("report.html"))
        }
    }

    @Test("A missing partial or parent renders as nothing")
    func missingPartial() throws {
        let template = try Template("[{{>nope}}][{{<nope}}{{$a}}x{{/a}}{{/nope}}]")
        #expect(try template.render([:], partials: TemplateLibrary(templates: [:])) == "[][]")
        #expect(try template.render([:]) == "[][]")
    }

    @Test("Partials are found by name only, never as file paths")
    func namesOnly() throws {
        let template = try Template("[{{>/etc/hostname}}]")
        #expect(try template.render([:], partials: TemplateLibrary(templates: [:])) == "[]")
    }

    @Test(
        "Endless recursion throws instead of overflowing the stack",
        arguments: [
            ["main": "{{>main}}"],
            ["main": "x{{#a}}{{>other}}{{/a}}", "other": "{{>main}}"],
            ["main": "{{<main}}{{/main}}"],
            ["main": "{{<layout}}{{$a}}[{{$a}}{{/a}}]{{/a}}{{/layout}}", "layout": "{{$a}}{{/a}}"],
        ]
    )
    func recursionGuard(_ sources: [String: String]) throws {
        let library = try TemplateLibrary(sources: sources)
        do {
            _ = try library.render("main", context: ["a": true])
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("200"))
            #expect(error.line == 1)
        }
    }

    @Test("Bounded recursion through data renders")
    func boundedRecursion() throws {
        let library = try TemplateLibrary(sources: ["node": "{{name}}({{#children}}{{>node}}{{/children}})"])
        let tree: MustacheValue = ["name": "a", "children": [["name": "b", "children": [["name": "c", "children": []]]]]]
        #expect(try library.render("node", context: tree) == "a(b(c()))")
    }

    @Test("Standalone partials indent every line but not interpolated newlines")
    func partialIndentation() throws {
        let library = try TemplateLibrary(sources: [
            "main": "<ul>\n  {{>items}}\n</ul>\n",
            "items": "{{#items}}\n<li>{{.}}</li>\n{{/items}}\n",
        ])
        #expect(try library.render("main", context: ["items": ["a", "b\nc"]]) == "<ul>\n  <li>a</li>\n  <li>b\nc</li>\n</ul>\n")
    }

    @Test("Parents fill blocks from the caller, in the caller's context at the block")
    func inheritance() throws {
        let library = try TemplateLibrary(sources: [
            "layout": "<h1>{{$title}}Untitled{{/title}}</h1>\n{{#page}}\n{{$body}}\n{{/body}}\n{{/page}}\n",
            "main": "{{<layout}}\n{{$title}}{{name}}{{/title}}\n{{$body}}\n<p>{{text}}</p>\n{{/body}}\n{{/layout}}\n",
        ])
        let context: MustacheValue = ["name": "Report", "page": ["text": "hi"]]
        let output = try library.render("main", context: context)
        #expect(output == "<h1>Report</h1>\n<p>hi</p>\n", "\(output.debugDescription)")
    }
}

@Suite("Dynamic names")
struct DynamicNameTests {
    @Test("A partial or parent can be named by a context value")
    func dynamicPartialAndParent() throws {
        let library = try TemplateLibrary(sources: [
            "text": "T:{{content}}",
            "image": "I:{{url}}",
            "frame": "[{{$inner}}{{/inner}}]",
            "main": "{{#items}}{{>*kind}};{{/items}}{{<*layout}}{{$inner}}x{{/inner}}{{/*layout}}",
        ])
        let context: MustacheValue = [
            "layout": "frame",
            "items": [["kind": "text", "content": "hi"], ["kind": "image", "url": "a.png"], ["kind": "nope"]],
        ]
        #expect(try library.render("main", context: context) == "T:hi;I:a.png;;[x]")
    }
}
