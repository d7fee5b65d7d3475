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
    ]

    @Test("The cut falls where String's own character count puts it", arguments: texts)
    func matchesCharacters(text: String) {
        for limit in 0...(text.count + 2) {
            #expect(text.characterPrefix(ifLongerThan: limit) == Self.reference(text, limit), "\(limit)")
        }
    }
}
