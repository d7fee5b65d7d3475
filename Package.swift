// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "speaknode-report",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "speaknode-report", targets: ["speaknode-report"]),
        .library(name: "SpeakNodeReport", targets: ["SpeakNodeReport"]),
        .library(name: "Mustache", targets: ["Mustache"]),
    ],
    targets: [
        // A Mustache template engine that knows nothing of reports.
        .target(name: "Mustache"),

        // Decoding, collecting, evaluating and rendering of SpeakNode deliveries.
        .target(
            name: "SpeakNodeReport",
            dependencies: ["Mustache"],
            plugins: ["EmbedTemplates"]
        ),

        // Argument parsing and the commands, kept out of the executable so tests can drive them.
        .target(name: "SpeakNodeReportCLI", dependencies: ["SpeakNodeReport"]),

        // The thin `speaknode-report` executable.
        .executableTarget(name: "speaknode-report", dependencies: ["SpeakNodeReportCLI"]),
        .executableTarget(name: "speaknode-report-benchmark", dependencies: ["SpeakNodeReport", "speaknode-report"]),

        // Compiles the built-in templates in `Templates/` into the library.
        .executableTarget(name: "TemplateEmbedder"),
        .plugin(name: "EmbedTemplates", capability: .buildTool(), dependencies: ["TemplateEmbedder"]),

        .testTarget(name: "MustacheTests", dependencies: ["Mustache"]),
        .testTarget(name: "SpeakNodeReportTests", dependencies: ["SpeakNodeReport", "Mustache"]),
        .testTarget(
            name: "SpeakNodeReportCLITests",
            dependencies: ["SpeakNodeReportCLI", "SpeakNodeReport", "speaknode-report"]
        ),

        // libFuzzer targets (README, "Fuzzing"). Built normally they replay a corpus; with
        // `-sanitize=fuzzer -D LIBFUZZER` they fuzz.
        .target(name: "FuzzSupport"),
        .executableTarget(name: "FuzzDecoder", dependencies: ["SpeakNodeReport", "FuzzSupport"]),
        .executableTarget(name: "FuzzMustache", dependencies: ["Mustache", "FuzzSupport"]),
    ]
)
