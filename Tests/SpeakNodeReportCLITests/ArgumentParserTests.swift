import Testing
@testable import SpeakNodeReportCLI

@Suite("Argument parser")
struct ArgumentParserTests {
    static let build = CommandDefinition(
        name: "build",
        summary: "Builds things.",
        options: [
            .flag("verbose", short: "v", help: "Say more."),
            .value("out", short: "o", valueName: "DIR", help: "Where to put things."),
            .value("mode", valueName: "MODE", allowed: ["fast", "slow"], defaultValue: "fast", help: "How."),
        ],
        positionals: [PositionalDefinition(name: "INPUT", help: "Files.", isRepeated: true)]
    )
    static let root = CommandDefinition(
        name: "tool", summary: "A tool.",
        subcommands: [
            build,
            CommandDefinition(
                name: "copy", summary: "Copies.",
                positionals: [
                    PositionalDefinition(name: "SOURCE", help: "From.", isRepeated: true),
                    PositionalDefinition(name: "DESTINATION", help: "To."),
                ]),
        ]
    )
    let parser = ArgumentParser(root: Self.root)

    func run(_ arguments: [String]) throws -> ParsedArguments {
        guard case .run(let parsed) = try parser.parse(arguments) else {
            Issue.record("expected a command to run for \(arguments)")
            return ParsedArguments(commandPath: [])
        }
        return parsed
    }

    func error(_ arguments: [String]) -> ArgumentError? {
        do {
            _ = try parser.parse(arguments)
            return nil
        } catch {
            return error
        }
    }

    @Test func valuesAfterASpaceOrAnEqualsSignAreTheSame() throws {
        #expect(try run(["build", "a", "--out", "x"]).value("out") == "x")
        #expect(try run(["build", "a", "--out=x"]).value("out") == "x")
        #expect(try run(["build", "a", "-o", "x"]).value("out") == "x")
        #expect(try run(["build", "a", "--out="]).value("out") == "")
        #expect(try run(["build", "a", "--out=--weird"]).value("out") == "--weird")
    }

    @Test func theLastValueOfARepeatedOptionCounts() throws {
        #expect(try run(["build", "a", "--out", "x", "--out", "y"]).value("out") == "y")
    }

    @Test func flagsAreOnOnlyWhenGiven() throws {
        #expect(try run(["build", "a", "--verbose"]).flag("verbose"))
        #expect(try run(["build", "a", "-v"]).flag("verbose"))
        #expect(try !run(["build", "a"]).flag("verbose"))
    }

    @Test func defaultsFillInOptionsNotGiven() throws {
        let parsed = try run(["build", "a"])
        #expect(parsed.value("mode") == "fast")
        #expect(parsed.value("out") == nil)
    }

    @Test func positionalsCollectInOrderAroundOptions() throws {
        let parsed = try run(["build", "a", "--verbose", "b", "-", "--out", "x", "c"])
        #expect(parsed.positional("INPUT") == ["a", "b", "-", "c"])
        #expect(parsed.commandPath == ["build"])
    }

    @Test func doubleDashEndsOptions() throws {
        let parsed = try run(["build", "--", "--verbose", "-o"])
        #expect(parsed.positional("INPUT") == ["--verbose", "-o"])
        #expect(!parsed.flag("verbose"))
    }

    @Test func aRepeatedPositionalLeavesRoomForTheOnesAfterIt() throws {
        let parsed = try run(["copy", "a", "b", "c"])
        #expect(parsed.positional("SOURCE") == ["a", "b"])
        #expect(parsed.positional("DESTINATION") == ["c"])
    }

    @Test func helpAndVersionAreRecognisedEverywhere() throws {
        #expect(try parser.parse(["--help"]) == .help(commandPath: []))
        #expect(try parser.parse(["-h"]) == .help(commandPath: []))
        #expect(try parser.parse(["build", "--help"]) == .help(commandPath: ["build"]))
        #expect(try parser.parse(["build", "--out", "x", "-h"]) == .help(commandPath: ["build"]))
        #expect(try parser.parse(["help", "build"]) == .help(commandPath: ["build"]))
        #expect(try parser.parse(["help"]) == .help(commandPath: []))
        #expect(try parser.parse(["--version"]) == .version)
        #expect(try parser.parse(["build", "--version"]) == .version)
    }

    @Test func anUnknownOptionSuggestsTheClosest() {
        let failure = error(["build", "a", "--outt", "x"])
        #expect(failure?.message == "unknown option '--outt'; did you mean '--out'?")
        #expect(failure?.commandPath == ["build"])
        #expect(error(["build", "a", "--verbos"])?.message == "unknown option '--verbos'; did you mean '--verbose'?")
        #expect(error(["build", "a", "--mode2=x"])?.message == "unknown option '--mode2'; did you mean '--mode'?")
    }

    @Test func anUnknownOptionFarFromAnyGetsNoSuggestion() {
        #expect(error(["build", "a", "--zzzzzzzz"])?.message == "unknown option '--zzzzzzzz'")
        #expect(error(["build", "a", "-x"])?.message == "unknown option '-x'")
    }

    @Test func aMissingValueNamesTheOptionAndItsValue() {
        #expect(error(["build", "a", "--out"])?.message == "option --out needs a value (DIR)")
        #expect(error(["build", "a", "--out", "--verbose"])?.message == "option --out needs a value (DIR)")
    }

    @Test func aValueOutsideTheAllowedOnesListsThem() {
        #expect(error(["build", "a", "--mode", "medium"])?.message
            == "invalid value 'medium' for --mode; allowed: fast, slow")
    }

    @Test func aFlagTakesNoValue() {
        #expect(error(["build", "a", "--verbose=yes"])?.message == "option --verbose does not take a value")
    }

    @Test func aMissingPositionalIsNamed() {
        #expect(error(["build"])?.message == "missing INPUT")
        #expect(error(["build", "--verbose"])?.commandPath == ["build"])
        #expect(error(["copy", "a"])?.message == "missing DESTINATION")
    }

    @Test func anExtraPositionalIsRefused() {
        let single = CommandDefinition(
            name: "one", summary: "", positionals: [PositionalDefinition(name: "X", help: "")])
        #expect(throws: ArgumentError("unexpected argument 'b'", commandPath: [])) {
            try ArgumentParser(root: single).parse(["a", "b"])
        }
    }

    @Test func commandsAreRequiredAndSuggested() {
        #expect(error([])?.message == "missing command (one of: build, copy)")
        #expect(error(["biuld"])?.message == "unknown command 'biuld'; did you mean 'build'?")
        #expect(error(["zzz"])?.message == "unknown command 'zzz' (commands: build, copy, help)")
        #expect(error(["help", "zzz"])?.message == "unknown command 'zzz' (commands: build, copy, help)")
    }
}

@Suite("Suggestions")
struct SuggestionTests {
    @Test func editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        #expect(Suggestion.editDistance("", "abc") == 3)
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
        #expect(Suggestion.editDistance("--out", "--out") == 0)
        #expect(Suggestion.editDistance("--tilte", "--title") == 2)
    }

    @Test func onlyPlausibleTyposAreSuggested() {
        #expect(Suggestion.closest(to: "--tilte", in: ["--title", "--templates"]) == "--title")
        #expect(Suggestion.closest(to: "--x", in: ["--html"]) == nil)
    }
}
