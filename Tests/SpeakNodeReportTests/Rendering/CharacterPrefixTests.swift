import Testing
@testable import SpeakNodeReport

@Suite("Cutting text to a number of characters")
struct CharacterPrefixTests {
    /// What `characterPrefix(ifLongerThan:)` must give: the characters as `String` counts them.
    static func reference(_ text: String, _ limit: Int) -> Substring? {
        guard let cut = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex), cut < text.endIndex else {
            return nil
        }
        return text[..<cut]
    }

    static let texts = [
        "", "a", "plain ascii text", "line\r\nnext\r\n\r\n", "\r\r\n\n\r", "e\u{301}e\u{301}a\u{301}",
        "Zalgo z̸̢͓a̴l̵g̷o and 🙂👍🏽 🇫🇷🇩🇪 family 👨‍👩‍👧", "RTL مرحبا بك, CJK 你好世界", "a\u{200D}b c\u{FE0F}",
        String(repeating: "ab\r\n", count: 40), String(repeating: "x̸", count: 30) + "tail",
        // Scalars that are characters of their own (walked as bytes), then others after them.
        "Über-long reason: naïve café — “quoted” … Ελληνικά Кириллица 中文 ひらがな カタカナ, Zoë",
        "Zoë e\u{301}a\u{301}", "é\r\né\r\r", "и\u{0483}и\u{0489}ж", "©\u{200D}❤\u{FE0F}x", "abc한국어def",
        "é🇫🇷🇩🇪🇫é", "\u{0600}a\u{0600}b", "か\u{3099}き\u{309A}", "aé中\u{200D}\u{200D}b\u{0308}\u{0308}",
        "Emoji 🙂👍🏽, RTL مرحبا بك, CJK 你好世界, combining é and Zalgo z̸̢͓a̴l̵g̷o I have locked the card",
    ]

    @Test("The cut falls where String's own character count puts it", arguments: texts)
    func matchesCharacters(text: String) {
        for limit in 0...(text.count + 2) {
            // Compared byte by byte: `==` on text would take a cut before a combining mark for
            // the composed character.
            #expect(text.characterPrefix(ifLongerThan: limit).map { Array($0.utf8) } == Self.reference(text, limit).map { Array($0.utf8) }, "\(limit)")
        }
    }

    @Test("Every scalar taken for a character of its own is one, next to itself and to ASCII")
    func separateScalars() {
        var checked = 0
        for value in UInt32(0)...0xFFFF where CharacterBoundaries.isAlwaysSeparate(value) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: [scalar, scalar, "a", scalar, "\n", scalar, "\t"])
            #expect(String(text).count == 7, "U+\(String(value, radix: 16))")
            checked += 1
        }
        #expect(checked > 20000)
    }
}
