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

    /// The five characters replaced one scalar at a time: what the byte-level escaping must match.
    static func referenceHTML(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    static let hostileTexts = [
        String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self), "", "&", "<<>>", "plain",
        "é 😀 \u{10FFFF} \u{FFFE}\u{FFFF}\u{202E} 日本語", #"<a href="x">'Tom' & "Jerry"</a>&amp;"#,
        String(repeating: "<&>\"'\u{0}é", count: 1000),
    ]

    @Test("HTML escaping appends the bytes of the escaped text after what the output holds", arguments: hostileTexts)
    func htmlBytes(text: String) {
        var output = Array("kept ".utf8)
        Escaping.html.append(text, to: &output)
        #expect(output == Array(("kept " + Self.referenceHTML(text)).utf8))
        #expect(Escaping.html(text) == Self.referenceHTML(text))
        var unescaped = Array("kept ".utf8)
        Escaping.none.append(text, to: &unescaped)
        #expect(unescaped == Array(("kept " + text).utf8))
    }

    @Test("An escaping made from a String function or from an appending one renders the same")
    func stringAndAppendingEscapings() throws {
        let template = try Template("{{v}}|{{{v}}}")
        let fromString = Escaping { $0.replacingOccurrences(of: "ä", with: "ae") }
        let appending = Escaping(appending: { text, output in
            for scalar in text.unicodeScalars {
                if scalar == "ä" { output += "ae".utf8 } else { output += String(scalar).utf8 }
            }
        })
        for escaping in [fromString, appending] {
            #expect(try template.render(["v": "Bär"], escaping: escaping) == "Baer|Bär")
            #expect(escaping("ä ä") == "ae ae")
        }
    }

    @Test("Escaping does not apply to template text")
    func templateText() throws {
        let template = try Template("<b>&</b>")
        #expect(try template.render([:], escaping: Escaping { _ in "!" }) == "<b>&</b>")
    }
}
