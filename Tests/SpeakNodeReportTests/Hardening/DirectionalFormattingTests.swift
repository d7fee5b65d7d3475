import Testing
@testable import SpeakNodeReport

/// Bidi overrides and isolates can make report text display in another order than it is
/// stored; every escaper removes them and keeps the characters real text needs.
@Suite("Hardening: directional formatting characters")
struct DirectionalFormattingTests {
    static let explicit: [Unicode.Scalar] = ["\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}",
                                             "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}"]

    @Test("every escaper removes embeddings, overrides and isolates", arguments: OutputFormat.allCases.filter { $0 != .plain })
    func removed(format: OutputFormat) {
        for scalar in Self.explicit {
            #expect(format.escape("pass\(scalar)ed") == "passed", "U+\(String(scalar.value, radix: 16, uppercase: true))")
        }
    }

    @Test("right-to-left text, implicit marks, joiners and emoji are kept", arguments: OutputFormat.allCases.filter { $0 != .plain })
    func kept(format: OutputFormat) {
        for text in ["שלום עולם", "مرحبا\u{200F}", "a\u{200E}b", "می\u{200C}خواهم", "👩\u{200D}💻", "zero\u{200B}width"] {
            #expect(format.escape(text) == text)
        }
    }
}
