import SpeakNodeReport

/// The `render` options for voice insights: latency budgets, the latency gate, the JSON
/// summary and the baseline, declared once so parsing and `--help` agree.
enum InsightsOptions {
    static let definitions: [OptionDefinition] = [
        .value("budget", valueName: "LIST",
               help: "Latency budgets per turn, e.g. e2e=1.2,ttft=800ms (keys e2e, ttft, ttfb, eot, transcription; seconds, or ms; off removes one). Defaults: e2e 1.5s, ttft 1s, ttfb 350ms, eot 700ms; a turn over any budget is a slow turn."),
        .value("fail-on-latency", valueName: "STAT", allowed: LatencyGate.allCases.map(\.rawValue),
               help: "Fail every test that passed but whose end-to-end latency p95 (or max) is over the e2e budget. Off by default."),
        .value("json", valueName: "FILE",
               help: "Write the JSON summary to FILE (- for standard output). Without it, the output folder (--out) gets summary.json."),
        .value("baseline", valueName: "FILE",
               help: "A summary.json from an earlier run (e.g. the main branch); the reports say what changed since: new failures, fixed tests, latency regressions."),
        .value("latency-threshold", valueName: "PERCENT", defaultValue: "20%",
               help: "How much a test's or run's e2e p95 may grow over the baseline before it counts as a regression."),
    ]

    /// The file name of the JSON summary in the output folder.
    static let summaryFileName = "summary.json"
}
