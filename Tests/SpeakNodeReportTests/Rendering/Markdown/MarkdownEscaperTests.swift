import Testing
@testable import SpeakNodeReport

@Suite("Markdown escaping of references GitHub links")
struct MarkdownEscaperTests {
    @Test("GH-123 issue references get a word joiner after the dash, whatever hides between the letters")
    func issueReferences() {
        #expect(MarkdownEscaper.escape("GH-123") == "GH\\-\u{2060}123")
        #expect(MarkdownEscaper.escape("see gh-7") == "see gh\\-\u{2060}7")
        #expect(MarkdownEscaper.escape("G\u{0}H-1") == "GH\\-\u{2060}1", "a removed control character does not hide it")
        #expect(MarkdownEscaper.escape("G\nH-1") == "G H\\-1")
        #expect(MarkdownEscaper.escape("well-known") == "well\\-known")
        #expect(MarkdownEscaper.escape("@a #1") == "@\u{2060}a \\#\u{2060}1")
    }
}
