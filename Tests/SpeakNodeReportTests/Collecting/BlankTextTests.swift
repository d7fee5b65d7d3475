import Testing
@testable import SpeakNodeReport

@Suite("Blank text")
struct BlankTextTests {
    @Test("blank means every character is whitespace, as Character.isWhitespace says",
          arguments: ["", " ", "\t\n\u{0B}\u{0C}\r", "\r\n", "\u{00A0}", "\u{2003}\u{3000}", " \u{301}",
                      "a", " a ", "\u{00A0}x", "é", "\u{1F600}", "\u{0600}1", "\u{1C}"])
    func blank(text: String) {
        #expect(text.isBlankText == text.allSatisfy(\.isWhitespace))
    }

    @Test("missing or blank text is no text")
    func nonBlank() {
        #expect(Optional<String>.none.nonBlankText == nil)
        #expect(Optional(" \u{00A0}").nonBlankText == nil)
        #expect(Optional(" id ").nonBlankText == " id ")
    }
}
