import Testing
@testable import SpeakNodeReport

@Suite("Plain text written line by line")
struct PlainTextLinesTests {
    @Test("Lines written in pieces read as the lines joined by line feeds, empty lines included", arguments: [
        [], [""], ["", ""], ["one"], ["one", "", "three"], ["a\nb", "c"], ["🙂", "é", ""],
    ])
    func joined(_ expected: [String]) {
        var lines = PlainTextLines()
        for line in expected {
            lines.startLine()
            for character in line { lines.append(String(character)) }
        }
        #expect(lines.text == expected.joined(separator: "\n"))
        var whole = PlainTextLines()
        for line in expected { whole.appendLine(line) }
        #expect(whole.text == lines.text)
    }
}
