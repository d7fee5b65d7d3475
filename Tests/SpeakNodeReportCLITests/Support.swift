import Foundation
@testable import SpeakNodeReportCLI

/// Captures what a command writes, and feeds it standard input.
final class RecordingConsole {
    var output = ""
    var error = ""
    var standardInput = Data()
    var standardInputReads = 0
    var environment: [String: String] = [:]
    var isTerminal = false

    var console: Console {
        Console(
            environment: environment,
            standardErrorIsTerminal: isTerminal,
            readStandardInput: { [unowned self] in
                standardInputReads += 1
                return standardInput
            },
            writeOutput: { [unowned self] in output += $0 },
            writeError: { [unowned self] in error += $0 }
        )
    }

    /// Runs `speaknode-report` with `arguments` in-process.
    func run(_ arguments: [String]) -> ExitCode {
        SpeakNodeReportCommandLine(console: console).run(arguments)
    }
}

/// A fresh folder under the system's temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "speaknode-report-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func write(_ text: String, to name: String) throws -> String {
        let target = file(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: target))
        return target
    }

    func contents() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
