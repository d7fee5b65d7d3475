import Testing
@testable import SpeakNodeReportCLI

@Suite("Help")
struct HelpFormatterTests {
    let formatter = HelpFormatter(root: CommandDefinitions.root)

    @Test func rootHelpListsEveryCommandAndVersion() {
        let help = formatter.help(for: [])
        #expect(help.contains("Usage: speaknode-report COMMAND"))
        #expect(help.contains("  render "))
        #expect(help.contains("  templates "))
        #expect(help.contains("  help COMMAND "))
        #expect(help.contains("--version"))
    }

    @Test func renderHelpShowsEveryOptionWithValueNameDefaultsAndAllowedValues() {
        let help = formatter.help(for: ["render"])
        for option in CommandDefinitions.render.options {
            #expect(help.contains(option.spelling), "\(option.spelling) missing from help")
        }
        #expect(help.contains("-o, --out DIR"))
        #expect(help.contains("--attempts POLICY"))
        // Where lines wrap depends on the widest option, so compare with single spaces.
        let words = help.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("One of: latest, all."))
        #expect(help.contains("(default: latest)"))
        #expect(help.contains("INPUT..."))
        #expect(help.contains("'reports'"), "the default output folder is documented")
        #expect(help.contains("Exit status"))
    }

    @Test func helpFitsInEightyColumns() {
        for path in [[], ["render"], ["templates"]] {
            for line in formatter.help(for: path).split(separator: "\n") {
                #expect(line.count <= 80, "too wide: \(line)")
                #expect(!line.hasSuffix(" "))
            }
        }
    }

    @Test func compactUsageSaysOptionsInsteadOfListingThem() {
        #expect(formatter.usage(for: ["render"], compact: true) == "Usage: speaknode-report render INPUT... [options]")
        #expect(formatter.usage(for: ["templates"], compact: true) == "Usage: speaknode-report templates DIR [options]")
    }

    @Test func fullUsageListsOptionsWithAHangingIndent() {
        let lines = formatter.usage(for: ["render"]).split(separator: "\n")
        #expect(lines.first?.hasPrefix("Usage: speaknode-report render INPUT... [--out DIR]") == true)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(String(repeating: " ", count: 31)) })
    }
}
