import Mustache
import Testing

@Suite("Text values (UTF-8 bytes)")
struct TextValueTests {
    static let texts = ["", "plain", "<a href=\"x\">'Tom' & \"Jerry\"</a>", "é 😀 日本語\nsecond line", "\n"]

    /// A text built in pieces, as a caller writing a long value does.
    static func pieces(_ string: String) -> MustacheText {
        var text = MustacheText(capacity: 4)
        for character in string { text.append(String(character)) }
        return text
    }

    @Test("A text renders as the string of the same text in every kind of tag and section", arguments: texts)
    func rendersAsString(string: String) throws {
        let library = try TemplateLibrary(sources: [
            "main": "[{{v}}|{{{v}}}|{{&v}}|{{#v}}shown {{.}}{{/v}}|{{^v}}hidden{{/v}}]\n  {{>part}}\n",
            "part": "<{{v}}>\n{{v}}\n",
        ])
        for escaping in [Escaping.html, .none, Escaping { $0.uppercased() }] {
            let expected = try library.render("main", context: ["v": .string(string)], escaping: escaping)
            #expect(try library.render("main", context: ["v": .text(Self.pieces(string))], escaping: escaping) == expected)
            #expect(try library.render("main", context: ["v": .text(MustacheText(string))], escaping: escaping) == expected)
        }
    }

    @Test("An escaping on bytes escapes a text as it escapes its string", arguments: EscapingTests.hostileTexts)
    func bytesEscaping(string: String) {
        for escaping in [Escaping.html, .none] {
            var fromText = Array("kept ".utf8)
            escaping.append(Self.pieces(string), to: &fromText)
            var fromString = Array("kept ".utf8)
            escaping.append(string, to: &fromString)
            #expect(fromText == fromString)
        }
        let fromBytes = Escaping(appendingUTF8: { bytes, output in output += bytes.reversed() })
        var reversed: [UInt8] = []
        fromBytes.append(string, to: &reversed)
        #expect(reversed == Array(string.utf8).reversed())
    }

    @Test("Pieces of every kind join into the text's bytes")
    func appending() {
        var text = MustacheText()
        #expect(text.isEmpty)
        text.append("a")
        text.append("ü" as StaticString)
        text.append("🙂 — ok")
        text.append(MustacheText("!"))
        #expect(text.string == "aü🙂 — ok!")
        #expect(text.utf8 == Array("aü🙂 — ok!".utf8))
        #expect(text == "aü🙂 — ok!")
        #expect(!text.isEmpty)
    }

    @Test("Bytes already checked as UTF-8 go in as they are")
    func uncheckedBytes() {
        var text = MustacheText("say: ")
        let checked = Array("Zoë 你好 🙂".utf8)
        checked.withUnsafeBufferPointer { text.append(uncheckedUTF8: $0) }
        #expect(text == "say: Zoë 你好 🙂")
        #expect(text.string == "say: Zoë 你好 🙂")
    }
}
