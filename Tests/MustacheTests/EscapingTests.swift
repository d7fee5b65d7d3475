import Mustache
import Testing

@Suite("Escaping")
struct EscapingTests {
    @Test("HTML escaping covers the five significant characters")
    func html() {
        #expect(Escaping.html(#"<a href="x">Tom & Jerry's</a>"#) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(Escaping.html("plain ünïcödé") == "plain ünïcödé")
    }

    @Test("No escaping leaves text alone")
    func none() throws {
        let template = try Template("{{v}}")
        #expect(try template.render(["v": "<&>"], escaping: .none) == "<&>")
    }

    @Test("A custom escaping applies to double-mustache tags in the template and its partials, never to triple ones")
    func custom() throws {
        let shout = Escaping { $0.uppercased() }
        let library = try TemplateLibrary(sources: [
            "main": "{{v}} {{{v}}} {{&v}} {{>part}} {{<parent}}{{$b}}{{v}}{{/b}}{{/parent}}",
            "part": "{{v}}",
            "parent": "{{$b}}{{/b}}",
        ])
        #expect(try library.render("main", context: ["v": "ok"], escaping: shout) == "OK ok ok OK OK")
    }

    @Test("Escaping does not apply to template text")
    func templateText() throws {
        let template = try Template("<b>&</b>")
        #expect(try template.render([:], escaping: Escaping { _ in "!" }) == "<b>&</b>")
    }
}
