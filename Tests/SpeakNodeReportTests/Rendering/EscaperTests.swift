import Foundation
import Testing
@testable import SpeakNodeReport

@Suite("Escaping for each output")
struct EscaperTests {
    @Test("The output format is read from the template's file name")
    func formatFromName() {
        #expect(OutputFormat(templateName: "junit.xml.mustache") == .xml)
        #expect(OutputFormat(templateName: "transcript.xml") == .xml)
        #expect(OutputFormat(templateName: "report.html") == .html)
        #expect(OutputFormat(templateName: "summary.md.mustache") == .markdown)
        #expect(OutputFormat(templateName: "notes.txt") == .plain)
        #expect(OutputFormat.plain.escape("<b>") == "<b>")
    }

    @Test("XML escapes markup characters and removes what XML 1.0 forbids")
    func xml() {
        #expect(XMLEscaper.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;")
        #expect(XMLEscaper.escape("]]>") == "]]&gt;")
        #expect(XMLEscaper.escape("a\u{0}\u{8}\u{B}\u{C}\u{E}\u{1F}\u{FFFE}\u{FFFF}b") == "ab")
        #expect(XMLEscaper.escape("tab\tline\ncr\r") == "tab\tline\ncr&#13;")
        #expect(XMLEscaper.escape("é 😀 \u{10FFFF}") == "é 😀 \u{10FFFF}")
    }

    @Test("HTML escapes the five markup characters and strips control characters but keeps line breaks")
    func html() {
        #expect(HTMLEscaper.escape("<script>alert('x') & \"y\"</script>") == "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;")
        #expect(HTMLEscaper.escape("&amp;") == "&amp;amp;")
        #expect(HTMLEscaper.escape("a\u{0}\u{1B}b\t\n\r") == "ab\t\n\r")
    }

    @Test("Markdown neutralises every construct payload text could open")
    func markdown() {
        #expect(MarkdownEscaper.escape("a | b") == "a \\| b")
        #expect(MarkdownEscaper.escape("<script>") == "&lt;script&gt;")
        #expect(MarkdownEscaper.escape("&amp;") == "&amp;amp;")
        #expect(MarkdownEscaper.escape("[x](javascript:alert(1))") == "\\[x\\]\\(javascript\\:alert\\(1\\)\\)")
        #expect(MarkdownEscaper.escape("`x`") == "\\`x\\`")
        #expect(MarkdownEscaper.escape("# heading") == "\\#\u{2060} heading")
        #expect(MarkdownEscaper.escape("@user") == "@\u{2060}user")
        #expect(MarkdownEscaper.escape("line\r\n\n\tnext") == "line next")
        #expect(MarkdownEscaper.escape("a\u{0}\u{7}\u{1B}\u{7F}\u{85}b") == "a b")
        #expect(MarkdownEscaper.escape("{{title}}") == "\\{\\{title\\}\\}")
    }

    /// Text with every ASCII character (controls, quotes, ampersands, markup), non-ASCII text,
    /// the removed non-characters and directional formatting characters, and the leading bytes
    /// of those characters followed by something else (which must be kept).
    static let hostileTexts: [String] = [
        String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self),
        "<a href=\"x\">'Tom' & \"Jerry\"</a>&amp;&#39;",
        "é 😀 \u{10FFFF} 日本語 \u{85}\u{2028}\u{2029}",
        "a\u{FFFE}b\u{FFFF}c\u{FFFD}d\u{FEFF}e\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}f\u{2066}\u{2067}\u{2068}\u{2069}g",
        "\u{2029}\u{2065}\u{206A}\u{2030}\u{FFBD}\u{E000}\u{2000}\u{F000}",
        "&", "", "\u{0}", "plain text with nothing to change", "\r\n\t\u{B}\u{C}",
        "ends with a lead byte's character \u{2060}", "\u{202E}",
        String(repeating: "<&>\"'\u{1}é", count: 1000),
    ]

    @Test("Appending escaped bytes gives the bytes of the escaped string, after any text", arguments: hostileTexts)
    func appendingMatchesEscaping(text: String) {
        for (escape, append) in [(XMLEscaper.escape, XMLEscaper.append), (HTMLEscaper.escape, HTMLEscaper.append)] {
            var output = Array("before ".utf8)
            append(text, &output)
            #expect(output == Array(("before " + escape(text)).utf8))
        }
    }

    @Test("Escaping a text's UTF-8 bytes gives the bytes of the escaped string, after any text", arguments: hostileTexts)
    func appendingUTF8MatchesEscaping(text: String) {
        for (escape, appendUTF8) in [(XMLEscaper.escape, XMLEscaper.appendUTF8), (HTMLEscaper.escape, HTMLEscaper.appendUTF8)] {
            var output = Array("before ".utf8)
            Array(text.utf8).withUnsafeBufferPointer { appendUTF8($0, &output) }
            #expect(output == Array(("before " + escape(text)).utf8))
        }
    }

    @Test("Runs and escaped text longer than the kilobyte gathered at a time escape as the whole string does",
          arguments: [1, 1000, 1023, 1024, 1025, 3000])
    func longRunsBetweenChanges(runLength: Int) {
        let run = String(repeating: "a", count: runLength)
        let texts = [
            run + "'" + run + "&" + run,
            String(repeating: "'" + run, count: 3) + "\u{1}",
            String(repeating: "x'", count: runLength) + run + "<",
            run + "\u{202E}" + String(repeating: "\"", count: runLength),
        ]
        for text in texts {
            for (escape, appendUTF8) in [(XMLEscaper.escape, XMLEscaper.appendUTF8), (HTMLEscaper.escape, HTMLEscaper.appendUTF8)] {
                var output = Array("before ".utf8)
                Array(text.utf8).withUnsafeBufferPointer { appendUTF8($0, &output) }
                #expect(output == Array(("before " + escape(text)).utf8))
            }
        }
    }

    /// The Markdown escaper as it was written on strings, scalar by scalar: what the byte-level
    /// one must match.
    static func referenceMarkdown(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if MarkdownEscaper.isLineBreakingWhitespace(scalar) {
                pendingSpace = true
                continue
            }
            if MarkdownEscaper.isControl(scalar) || DirectionalFormatting.isExplicit(scalar) { continue }
            if pendingSpace {
                result += " "
                pendingSpace = false
            }
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "@", "#":
                result += (scalar == "#" ? "\\#" : "@") + "\u{2060}"
            case "-":
                let last = String(result.unicodeScalars.suffix(2)).lowercased()
                result += "\\-" + (last == "gh" ? "\u{2060}" : "")
            default:
                if "\\`*_[]()+-.!|~{}:$=".unicodeScalars.contains(scalar) { result += "\\" }
                result.unicodeScalars.append(scalar)
            }
        }
        return pendingSpace ? result + " " : result
    }

    @Test("Markdown escaping on bytes gives what escaping scalar by scalar gave",
          arguments: hostileTexts + hostileSamples + ["GH-1 gh-2 Gh-3 xGH-4 G-H -GH- \u{2060}GH-5 ǴH-6", "-", "GH", "GH\n-"])
    func markdownMatchesReference(text: String) {
        #expect(MarkdownEscaper.escape(text) == Self.referenceMarkdown(text))
    }

    @Test("Runs of plain ASCII copied at once give what escaping one scalar at a time gives", arguments: [
        "plain words, with; commas/slashes? 100% ^caret 'quotes' \"double\"", "a\n\nb", "word\tword \r\n next",
        "x\u{85}y\u{2028}z", " leading and trailing ", "\n", "é plain é", "plain\u{202E}plain", "GH-1 said gh-2, GH -3",
        String(repeating: "a long plain sentence ", count: 200) + "ends.",
    ])
    func plainRuns(text: String) {
        #expect(MarkdownEscaper.escape(text) == Self.referenceMarkdown(text))
        var output = Array("GH".utf8)
        MarkdownEscaper.append(text, to: &output)
        #expect(output == Array(("GH" + MarkdownEscaper.escape(text)).utf8))
    }

    @Test("GH- is joined only when the value itself holds GH, not the text before it")
    func issuePrefixWithinTheValue() {
        var output = Array("GH".utf8)
        MarkdownEscaper.append("-1", to: &output)
        #expect(output == Array("GH\\-1".utf8))
        MarkdownEscaper.append("gh-1", to: &output)
        #expect(output == Array("GH\\-1gh\\-\u{2060}1".utf8))
    }

    @Test("Each format's template escaping gives the text its escape function gives", arguments: hostileTexts)
    func templateEscapingMatchesEscape(text: String) {
        for format in OutputFormat.allCases {
            #expect(format.escaping(text) == format.escape(text), "\(format)")
            var output: [UInt8] = []
            format.escaping.append(text, to: &output)
            #expect(output == Array(format.escape(text).utf8), "\(format)")
        }
    }

    static let cmark = ["/usr/bin/cmark-gfm", "/usr/local/bin/cmark-gfm", "/opt/homebrew/bin/cmark-gfm"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static let hostileSamples = [
        "<script>alert(1)</script>", "a | b", "`code` ```fence", "[x](javascript:alert(1))", "![i](http://e.com/a.png)",
        "# heading", "@user #123", "http://evil.example/x www.evil.example me@evil.example", "*em* _em_ **b** ~~del~~",
        "&amp; &#64; &copy;", "line1\n- item\n> quote\n```", "1. one", "</details><details open>", "{{x}}", "$x^2$",
        "<https://x.example>", "===", "---", "+ a", "trailing\\", "<!-- c -->", "[^1]", ":smile: ~~~",
    ]

    @Test(
        "cmark-gfm renders escaped Markdown as plain text, in a paragraph and in a table cell",
        .enabled(if: cmark != nil, "cmark-gfm is not installed (apt-get install cmark-gfm)"))
    func markdownThroughCmark() throws {
        let cmark = try #require(Self.cmark)
        for sample in Self.hostileSamples {
            let escaped = MarkdownEscaper.escape(sample)
            let expected = HTMLEscaper.escape(
                sample.replacingOccurrences(of: "\n", with: " ")
                    .replacingOccurrences(of: "@", with: "@\u{2060}").replacingOccurrences(of: "#", with: "#\u{2060}"))
                .replacingOccurrences(of: "&#39;", with: "'")
            let paragraph = try Self.run(cmark, markdown: escaped + "\n")
            #expect(paragraph == "<p>\(expected)</p>\n", "paragraph: \(sample)")
            let table = try Self.run(cmark, markdown: "| a |\n| --- |\n| \(escaped) |\n")
            #expect(table.contains("<td>\(expected)</td>"), "table: \(sample) → \(table)")
            #expect(!table.contains("<td></td>"), "table cell split: \(sample)")
        }
    }

    static func run(_ tool: String, markdown: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["--extension", "autolink", "--extension", "table", "--extension", "strikethrough", "--extension", "tagfilter"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
