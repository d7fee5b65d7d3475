import Foundation
@testable import SpeakNodeReportCLI

/// Captures what a command writes, and feeds it standard input.
///
/// Standard input may be read from another thread, so everything goes through a lock.
final class RecordingConsole: @unchecked Sendable {
    private let lock = NSLock()
    private var _output = ""
    private var _error = ""
    private var _standardInputReads = 0
    var standardInput: [UInt8] = []
    var environment: [String: String] = [:]
    var isTerminal = false
    var inputIsTerminal = false

    var output: String { lock.withLock { _output } }
    var error: String { lock.withLock { _error } }
    var standardInputReads: Int { lock.withLock { _standardInputReads } }

    var console: Console {
        Console(
            environment: environment,
            standardErrorIsTerminal: isTerminal,
            standardInputIsTerminal: inputIsTerminal,
            readStandardInput: { [self] in
                lock.withLock {
                    _standardInputReads += 1
                    return standardInput
                }
            },
            writeOutput: { [self] text in lock.withLock { _output += text } },
            writeError: { [self] text in lock.withLock { _error += text } }
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
