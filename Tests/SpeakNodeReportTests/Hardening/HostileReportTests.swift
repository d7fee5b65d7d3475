import Foundation
import Testing
@testable import SpeakNodeReport

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Hostile payload text in every field, through decoding, evaluation and rendering: the reports
/// keep exactly the structure they have for benign text.
@Suite("Hardening: hostile payload text in the reports")
struct HostileReportTests {
    // MARK: JUnit

    @Test("JUnit parses, has the benign twin's element tree, and validates against the schema")
    func junit() throws {
        let hostile = try HostileCorpus.render(.junit, hostile: true)
        let benign = try HostileCorpus.render(.junit, hostile: false)
        let hostileTree = try Self.elementTree(hostile)
        #expect(hostileTree == (try Self.elementTree(benign)))
        #expect(hostileTree.contains { $0.trimmingCharacters(in: .whitespaces) == "error[message,type]" },
                "the invalid line is an errored test case")
        #expect(hostile.contains("{{title}} {{{title}}}"), "template syntax in payload text is printed, not run")
        #expect(!hostile.unicodeScalars.contains { DirectionalFormatting.isExplicit($0) })
        if JUnitSchema.canValidate {
            let result = try JUnitSchema.validate(hostile)
            #expect(result.valid, "\(result.output.prefix(2000))")
        }
    }

    @Test("the JUnit schema check itself rejects an invalid document",
          .enabled(if: JUnitSchema.canValidate, "needs xmllint and ../shared/junit/junit-10.xsd"))
    func schemaCheckWorks() throws {
        #expect(try JUnitSchema.validate("<testsuites><testcase/></testsuites>").valid == false)
    }

    static func elementTree(_ xml: String) throws -> [String] {
        let document = try XMLDocument(xmlString: xml, options: [])
        var names: [String] = []
        func walk(_ element: XMLElement, depth: Int) {
            let attributes = (element.attributes ?? []).compactMap(\.name).sorted().joined(separator: ",")
            names.append(String(repeating: " ", count: depth) + (element.name ?? "?") + "[" + attributes + "]")
            for child in element.children ?? [] {
                if let child = child as? XMLElement { walk(child, depth: depth + 1) }
            }
        }
        if let root = document.rootElement() { walk(root, depth: 0) }
        return names
    }

    // MARK: Markdown

    @Test("Markdown has the benign twin's block structure, line by line")
    func markdown() throws {
        let hostile = try HostileCorpus.render(.markdown, hostile: true)
        let benign = try HostileCorpus.render(.markdown, hostile: false)
        let hostileShape = Self.blockShape(hostile)
        #expect(hostileShape.count == Self.blockShape(benign).count)
        #expect(hostileShape == Self.blockShape(benign))
        #expect(!hostile.contains("<script"), "no raw HTML")
        #expect(!hostile.contains("](javascript") && !hostile.contains("](<javascript") && !hostile.contains("](data"))
        #expect(!hostile.unicodeScalars.contains { DirectionalFormatting.isExplicit($0) })
        #expect(!hostile.unicodeScalars.contains { MarkdownEscaper.isControl($0) && $0 != "\n" })
    }

    /// Each line reduced to what decides its Markdown block: heading level, list indentation,
    /// table row with its number of cells, or other text.
    static func blockShape(_ markdown: String) -> [String] {
        markdown.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            if line.isEmpty { return "blank" }
            if line.hasPrefix("#") { return "heading " + String(line.prefix { $0 == "#" }) }
            if line.hasPrefix("|") { return "row \(unescapedPipes(in: line))" }
            let indent = line.prefix { $0 == " " }.count
            if line.dropFirst(indent).hasPrefix("- ") { return "item \(indent)" }
            if line.hasPrefix("**") { return "strong" }
            return "text"
        }
    }

    static func unescapedPipes(in line: Substring) -> Int {
        var count = 0
        var escaped = false
        for character in line {
            if character == "|" && !escaped { count += 1 }
            escaped = character == "\\" && !escaped
        }
        return count
    }

    // MARK: HTML

    @Test("HTML has the benign twin's tags and attributes: no payload text becomes markup")
    func html() throws {
        let hostile = try HostileCorpus.render(.html, hostile: true)
        let benign = try HostileCorpus.render(.html, hostile: false)
        #expect(Self.markup(hostile) == Self.markup(benign))
        for link in Self.linkTargets(hostile) {
            #expect(link.hasPrefix("#") || link.hasPrefix("https://") || link.hasPrefix("http://"), "link to \(link)")
        }
        #expect(hostile.contains("{{title}} {{{title}}}"), "template syntax in payload text is printed, not run")
        #expect(!hostile.unicodeScalars.contains { DirectionalFormatting.isExplicit($0) })
        #expect(!hostile.unicodeScalars.contains { XMLEscaper.isForbidden($0) })
    }

    /// Every tag with its attribute names, in order; attribute values left out.
    static func markup(_ html: String) -> [String] {
        let tag = /<(\/?[a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/
        let attribute = /\s([a-zA-Z-]+)(?:=)/
        return html.matches(of: tag).map { match in
            let names = match.output.2.matches(of: attribute).map { String($0.output.1) }
            return String(match.output.1) + " " + names.joined(separator: " ")
        }
    }

    static func linkTargets(_ html: String) -> [String] {
        html.matches(of: /\s(?:href|src)="([^"]*)"/).map { String($0.output.1) }
    }
}
