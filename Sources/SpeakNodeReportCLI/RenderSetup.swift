#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SpeakNodeReport

/// The `render` arguments, read and checked: names loaded, templates loaded, output paths
/// planned. Building one touches no input file.
struct RenderSetup {
    var inputs: [String]
    var outputs: OutputPlan
    var names: [String: String]
    var templates: TemplateSet
    var policy: AttemptPolicy
    var failurePolicy: FailurePolicy
    /// `--ignore-invalid`: input problems are warnings only, left out of the reports and the exit status.
    var ignoresInvalidInput: Bool
    var renderOptions: RenderOptions
    /// Budgets, the latency gate, the JSON summary and the baseline.
    var insights: InsightsSetup

    init(_ arguments: ParsedArguments) throws(CommandFailure) {
        inputs = arguments.positional("INPUT")
        // The parser has checked these against their allowed values and filled in defaults.
        policy = arguments.value("attempts").flatMap(AttemptPolicy.init(rawValue:)) ?? .latest
        failurePolicy = arguments.value("fail-on").flatMap(FailurePolicy.init(rawValue:)) ?? .failed
        ignoresInvalidInput = arguments.flag("ignore-invalid")
        renderOptions = RenderOptions(
            title: arguments.value("title") ?? RenderOptions.defaultTitle,
            reportURL: arguments.value("report-url"),
            toolVersion: ToolVersion.current
        )
        renderOptions.markdownLimit = try Self.markdownLimit(arguments.value("markdown-limit"))

        var explicitPaths: [ReportFormat: String] = [:]
        for format in ReportFormat.allCases {
            if let path = arguments.value(format.optionName) { explicitPaths[format] = path }
        }
        insights = try InsightsSetup(arguments)
        outputs = try OutputPlan(
            directory: arguments.value("out"), explicitPaths: explicitPaths,
            defaultDirectory: CommandDefinitions.defaultOutputDirectory,
            summaryPath: insights.summaryPath
        )

        names = try arguments.value("names").map { path throws(CommandFailure) in try NamesFile.load(from: path) } ?? [:]

        if let directory = arguments.value("templates") {
            guard let kind = PathKind(path: directory) else {
                throw CommandFailure("templates folder \(directory) does not exist")
            }
            guard kind == .folder else {
                throw CommandFailure("--templates \(directory) is a file; give the folder that holds the templates")
            }
            do {
                templates = try TemplateSet(overridesIn: directory)
            } catch {
                throw CommandFailure("cannot use the templates in \(directory): \(error)")
            }
        } else {
            do {
                templates = try TemplateSet()
            } catch {
                throw CommandFailure("the built-in templates do not load: \(error)")
            }
        }
    }
}

extension RenderSetup {
    /// `--markdown-limit N`: a positive whole number of characters.
    static func markdownLimit(_ value: String?) throws(CommandFailure) -> Int {
        guard let value else { return RenderOptions.defaultMarkdownLimit }
        guard let limit = Int(value), limit > 0 else {
            throw CommandFailure("--markdown-limit must be a positive whole number of characters, not '\(value)'")
        }
        return limit
    }
}

extension ReportFormat {
    /// The `render` option that sets this format's path: `--junit`, `--markdown`, `--html`.
    var optionName: String { rawValue }
}
