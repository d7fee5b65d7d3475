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

    @Test("Numbers, literals and strings gathered on the stack go on the current line as written")
    func gatheredPieces() {
        var lines = PlainTextLines()
        lines.appendLine("first")
        lines.startLine()
        lines.append(upTo: 64) { text in
            text.append("n = ")
            text.append(-42)
            text.append(", ")
            text.append(7, width: 3)
            text.append(string: " — é 🙂")
        }
        lines.append(" end")
        #expect(lines.text == "first\nn = -42, 007 — é 🙂 end")
    }

    @Test("More than a kilobyte gathered at once is written whole")
    func gatheredBeyondAKilobyte() {
        let long = String(repeating: "ab", count: 1500)
        var lines = PlainTextLines()
        lines.startLine()
        lines.append(upTo: long.utf8.count + 8) { text in
            text.append(string: long)
            text.append(123)
        }
        #expect(lines.text == long + "123")
    }
}
