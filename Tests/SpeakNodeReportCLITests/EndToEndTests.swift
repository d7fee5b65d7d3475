import Foundation
import Testing

/// Runs the built `speaknode-report` executable on the package's `Examples/`.
@Suite("End to end", .enabled(if: EndToEnd.isAvailable, "needs Examples/ and the built speaknode-report binary"))
struct EndToEndTests {
    @Test func rendersTheExamplesAndFailsTheGate() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let result = try EndToEnd.run(EndToEnd.exampleInputs + ["--out", folder.file("out")])
        #expect(result.status == 1, "the examples hold failures: \(result.error)")
        for name in ["junit.xml", "summary.md", "report.html"] {
            let size = try FileManager.default.attributesOfItem(atPath: folder.file("out/\(name)"))[.size] as? Int
            #expect((size ?? 0) > 0, "\(name) is written")
        }
        #expect(result.output.isEmpty)
        let lines = result.error.split(separator: "\n").map(String.init)
        #expect(lines.first == "FAILED: 10 tests, 5 passed, 3 failed, 1 error, 1 skipped, 1 flaky, 11 attempts")
        #expect(lines.contains("1 delivery was a redelivery of a session already seen, left out"))
        #expect(lines.contains("2 deliveries were not test conversations"))
        #expect(lines.contains("wrote JUnit XML to \(folder.file("out/junit.xml"))"))
        #expect(lines.contains("wrote Markdown summary to \(folder.file("out/summary.md"))"))
        #expect(lines.contains("wrote HTML report to \(folder.file("out/report.html"))"))
        #expect(!result.error.contains("\u{1B}"), "no colour when standard error is not a terminal")
    }

    @Test func attemptsAllCountsTheFlakyTestAsFailedAndFailOnNeverPasses() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let result = try EndToEnd.run(
            EndToEnd.exampleInputs + ["--attempts", "all", "--fail-on", "never", "--markdown", folder.file("s.md")])
        #expect(result.status == 0)
        #expect(result.error.hasPrefix("FAILED: 10 tests, 4 passed, 4 failed, 1 error, 1 skipped, 1 flaky, 11 attempts\n"))
        #expect(folder.contents() == ["s.md"], "only the named report is written")
    }

    @Test func standardInputIsReadForDash() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let input = try Data(contentsOf: URL(fileURLWithPath: EndToEnd.examples + "/deliveries/dental-clinic.ndjson"))
        let result = try EndToEnd.run(["render", "-", "--junit", folder.file("j.xml")], standardInput: input)
        #expect(result.status == 1)
        #expect(result.error.hasPrefix("FAILED: 4 tests, 1 passed, 1 failed, 1 error, 1 skipped, 0 flaky, 4 attempts\n"))
    }

    @Test func anUnreadableInputIsReportedAndTheRestStillWritten() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let missing = folder.file("missing.json")
        let result = try EndToEnd.run(
            ["render", EndToEnd.examples + "/deliveries/bank-card-lock.json", missing, "--out", folder.file("out")])
        #expect(result.status == 2, "an unreadable input wins over failed tests")
        #expect(result.error.contains("warning: \(missing)"))
        #expect(FileManager.default.fileExists(atPath: folder.file("out/junit.xml")))
    }

    @Test func usageErrorsExitWith2AndVersionWith0() throws {
        let usage = try EndToEnd.run(["render", "x.json", "--attempts", "some"])
        #expect(usage.status == 2)
        #expect(usage.error.hasPrefix("error: invalid value 'some' for --attempts; allowed: latest, all\n"))

        let version = try EndToEnd.run(["--version"])
        #expect(version.status == 0)
        #expect(version.output.hasPrefix("speaknode-report "))
    }
}

enum EndToEnd {
    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let examples = packageRoot + "/Examples"

    static var exampleInputs: [String] {
        ["render", examples + "/deliveries", "--names", examples + "/names.json"]
    }

    /// The executable the test target depends on, built next to the test bundle.
    static let binary: String? = {
        var folders = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        if let executable = Bundle.main.executableURL { folders.append(executable.deletingLastPathComponent()) }
        folders += Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        folders.append(URL(fileURLWithPath: packageRoot + "/.build/debug"))
        return folders
            .map { $0.appendingPathComponent("speaknode-report").path }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static var isAvailable: Bool {
        binary != nil && FileManager.default.fileExists(atPath: examples + "/names.json")
    }

    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    static func run(_ arguments: [String], standardInput: Data = Data()) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(binary))
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = nil
        process.environment = environment
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        input.fileHandleForWriting.write(standardInput)
        try input.fileHandleForWriting.close()
        // Read both pipes before waiting, so a full pipe cannot block the child.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            output: String(decoding: outputData, as: UTF8.self),
            error: String(decoding: errorData, as: UTF8.self))
    }
}
