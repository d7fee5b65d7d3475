import SpeakNodeReport

/// The `speaknode-report` command tree: names, options and help text in one place.
enum CommandDefinitions {
    static let programName = "speaknode-report"

    static let root = CommandDefinition(
        name: programName,
        summary: "Turns SpeakNode ConversationComplete webhook deliveries into test reports.",
        discussion: """
            Reads deliveries of SpeakNode agent tests (JSON files, JSON arrays or NDJSON, folders \
            of them, or - for standard input) and writes JUnit XML for CI, a Markdown summary and an HTML report.
            """,
        subcommands: [render, templates]
    )

    static let render = CommandDefinition(
        name: "render",
        summary: "Write JUnit XML, a Markdown summary and an HTML report from deliveries.",
        discussion: """
            With no --out, --junit, --markdown or --html, the three reports go to the folder \
            'reports'. --junit, --markdown and --html write single reports; with --out they \
            replace that report's path in the folder. A FILE of - writes that report to standard \
            output, e.g. --markdown - >> "$GITHUB_STEP_SUMMARY".

            Exit status: 0 when no test failed or errored, 1 when one did (0 with --fail-on \
            never), 2 for bad usage, input that could not be read or deliveries that are not \
            valid (the reports are still written for the rest, and list the input problems; \
            --ignore-invalid leaves them out and does not exit 2 for them). 2 wins over 1.
            """,
        options: [
            .value("out", short: "o", valueName: "DIR",
                   help: "Write junit.xml, summary.md and report.html into DIR, creating it."),
            .value("junit", valueName: "FILE", help: "Write the JUnit XML report to FILE."),
            .value("markdown", valueName: "FILE", help: "Write the Markdown summary to FILE."),
            .value("html", valueName: "FILE", help: "Write the HTML report to FILE."),
            .value("templates", valueName: "DIR",
                   help: "Use the templates in DIR instead of the built-in ones of the same name (see 'templates')."),
            .value("names", valueName: "FILE",
                   help: "A JSON object mapping test_id to the name shown in the reports."),
            .value("title", valueName: "TEXT", defaultValue: RenderOptions.defaultTitle, help: "The reports' title."),
            .value("report-url", valueName: "URL", help: "Where the HTML report will be published, for links from the summary."),
            .value("markdown-limit", valueName: "N", defaultValue: String(RenderOptions.defaultMarkdownLimit),
                   help: "Keep the Markdown summary within N characters (UTF-16 code units, as GitHub counts them), leaving out the least important detail to fit. The default suits a GitHub comment; 340000 always fits a 1 MiB job summary."),
            .value("attempts", valueName: "POLICY", allowed: AttemptPolicy.allCases.map(\.rawValue),
                   defaultValue: AttemptPolicy.latest.rawValue,
                   help: "Which attempts of a retried test decide its outcome: the latest, or all (any failure fails)."),
            .flag("ignore-invalid",
                  help: "Only warn about input that cannot be read: leave it out of the reports and the exit status."),
            .value("fail-on", valueName: "WHEN", allowed: FailurePolicy.allCases.map(\.rawValue),
                   defaultValue: FailurePolicy.failed.rawValue,
                   help: "Exit with status 1 when a test failed or errored, or never."),
        ] + InsightsOptions.definitions,
        positionals: [
            PositionalDefinition(
                name: "INPUT",
                help: "Files of deliveries (a JSON delivery, a JSON array or NDJSON), folders searched for .json, .ndjson and .jsonl files, or - for standard input.",
                isRepeated: true)
        ]
    )

    static let templates = CommandDefinition(
        name: "templates",
        summary: "Write the built-in templates into a folder, to edit for render --templates.",
        discussion: """
            Creates DIR if needed. Existing files are not replaced unless --force is given.
            """,
        options: [
            .flag("force", short: "f", help: "Replace template files that already exist."),
        ],
        positionals: [
            PositionalDefinition(name: "DIR", help: "The folder to write the templates into.")
        ]
    )

    static let defaultOutputDirectory = "reports"
}
