import Foundation
import Testing

/// Faults while the built `speaknode-report` writes its reports: a kill or Ctrl-C in the middle
/// of a write, a write that fails for lack of space. CI must only ever find a complete report,
/// the old one or the new, and nothing else next to it.
@Suite("Hardening: faults while writing", .enabled(if: EndToEnd.binary != nil, "needs the built speaknode-report binary"))
struct WriteFaultTests {
    static let reportNames = ["junit.xml", "report.html", "summary.json", "summary.md"]
    static let oldContents = "the report of the previous build\n"

    /// NDJSON deliveries with long transcripts, so the reports take a while to write.
    static func largeInput(deliveries: Int) -> String {
        let turn = String(repeating: "words ", count: 40)
        return (0..<deliveries).map { index in
            let history = (0..<20).map { item in
                #"{"role":"\#(item % 2 == 0 ? "assistant" : "user")","content":"\#(turn)","created_at":"2026-01-01T00:00:\#(item < 10 ? "0" : "")\#(item)Z"}"#
            }.joined(separator: ",")
            return #"{"event":"ConversationComplete","data":{"session_id":"s-\#(index)","test_run_id":"run-\#(index % 5)","test_id":"t-\#(index)","test_status":"Completed","history":[\#(history)],"test_eval_result":{"success":\#(index % 3 != 0),"reasons":["because \#(index)"]}}}"#
        }.joined(separator: "\n") + "\n"
    }

    /// A folder with `in.ndjson` and `out/` holding the previous build's reports.
    static func prepare(deliveries: Int) throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        _ = try folder.write(largeInput(deliveries: deliveries), to: "in.ndjson")
        try FileManager.default.createDirectory(atPath: folder.file("out"), withIntermediateDirectories: true)
        for name in reportNames { _ = try folder.write(oldContents, to: "out/" + name) }
        return folder
    }

    /// Every report in `out/` is either the old one or exactly the complete new one, and
    /// nothing else is there, with one exception no writer can rule out: a `kill -9` in the
    /// microseconds between naming the finished temporary file and renaming it leaves that
    /// hidden `.NAME.UUID.tmp` behind — complete, never a part of a report.
    static func expectOldOrComplete(_ folder: TemporaryDirectory, reference: [String: Data],
                                    sourceLocation: SourceLocation = #_sourceLocation) throws {
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.file("out")).sorted()
        let leftovers = entries.filter { !reportNames.contains($0) }
        #expect(entries.filter(reportNames.contains) == reportNames, "every report is there", sourceLocation: sourceLocation)
        for leftover in leftovers {
            let name = reportNames.first { leftover.hasPrefix(".\($0).") && leftover.hasSuffix(".tmp") }
            #expect(name != nil, "\(leftover) is only ever a hidden temporary file", sourceLocation: sourceLocation)
            let contents = try Data(contentsOf: URL(fileURLWithPath: folder.file("out/" + leftover)))
            #expect(name.flatMap { reference[$0] } == contents,
                    "\(leftover) left by a kill is the complete new report, never a part", sourceLocation: sourceLocation)
        }
        for name in reportNames {
            let contents = try Data(contentsOf: URL(fileURLWithPath: folder.file("out/" + name)))
            #expect(contents == Data(oldContents.utf8) || contents == reference[name],
                    "\(name) is the old report or the whole new one (\(contents.count) bytes)", sourceLocation: sourceLocation)
        }
    }

    /// The paths of the files a running process has open, from `/proc`.
    static func openFiles(of pid: Int32) -> [String] {
        let folder = "/proc/\(pid)/fd"
        let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return descriptors.compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: folder + "/" + $0) }
    }

    #if os(Linux)
    @Test("a kill or Ctrl-C while a report is being written leaves the old report and nothing else",
          .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/fd"), "needs /proc to see a write in progress"),
          arguments: [SIGKILL, SIGINT])
    func interruptedWrite(signal: Int32) throws {
        let binary = try #require(EndToEnd.binary)
        let folder = try Self.prepare(deliveries: 300)
        defer { folder.remove() }
        let complete = try EndToEnd.run(["render", folder.file("in.ndjson"), "--out", folder.file("new"), "--fail-on", "never"])
        #expect(complete.status == 0)
        var reference: [String: Data] = [:]
        for name in Self.reportNames {
            reference[name] = try Data(contentsOf: URL(fileURLWithPath: folder.file("new/" + name)))
        }

        var interruptedWrites = 0
        for _ in 0..<10 where interruptedWrites < 3 {
            let process = try SpawnedProcess(
                binary, ["render", folder.file("in.ndjson"), "--out", folder.file("out"), "--fail-on", "never"])
            // Wait until the process has a file open in out/ (the temporary file), then interrupt it.
            var signalled = false
            while process.isRunning {
                if Self.openFiles(of: process.pid).contains(where: { $0.hasPrefix(folder.file("out") + "/") }) {
                    kill(process.pid, signal)
                    signalled = true
                    break
                }
            }
            let end = process.waitUntilExit()
            if signalled, end == .signal(signal) { interruptedWrites += 1 }
            #expect(end == .signal(signal) || end == .exit(0), "the process ends by the signal, as Ctrl-C should, or had finished")
            try Self.expectOldOrComplete(folder, reference: reference)
            // Start again from the old reports alone.
            for entry in try FileManager.default.contentsOfDirectory(atPath: folder.file("out")) {
                try FileManager.default.removeItem(atPath: folder.file("out/" + entry))
            }
            for name in Self.reportNames { _ = try folder.write(Self.oldContents, to: "out/" + name) }
        }
        #expect(interruptedWrites > 0, "at least one run was interrupted while writing")
    }

    @Test("Ctrl-C while deliveries are being read stops at once and writes nothing")
    func interruptedRead() throws {
        let binary = try #require(EndToEnd.binary)
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        var input: [Int32] = [0, 0]
        #expect(pipe(&input) == 0)
        defer { close(input[1]) }
        let process = try SpawnedProcess(binary, ["render", "-", "--out", folder.file("out")], standardInput: input[0])
        close(input[0])
        // Standard input stays open, so the process is still reading when the signal comes.
        _ = write(input[1], #"{"event":"ConversationComplete","#, 32)
        Thread.sleep(forTimeInterval: 0.3)
        kill(process.pid, SIGINT)
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning { kill(process.pid, SIGKILL) }
        #expect(process.waitUntilExit() == .signal(SIGINT))
        #expect(!FileManager.default.fileExists(atPath: folder.file("out")), "nothing is written")
    }
    #endif

    @Test("a write that fails half way (a full disk, a size limit) exits 2 naming the path and the reason, and keeps the old report")
    func failingWrite() throws {
        let binary = try #require(EndToEnd.binary)
        let folder = try Self.prepare(deliveries: 40)
        defer { folder.remove() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // `ulimit -f 2` lets a write stop after 1–2 kB with EFBIG, as a full disk stops with ENOSPC.
        process.arguments = ["-c", #"ulimit -f 2 && exec "$0" "$@""#, binary,
                             "render", folder.file("in.ndjson"), "--out", folder.file("out")]
        let errorPipe = Pipe()
        process.standardError = errorPipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let errorText = String(decoding: errorPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 2)
        for name in Self.reportNames {
            #expect(errorText.contains("error: cannot write \(folder.file("out/" + name)): File too large\n"), "\(errorText)")
            #expect(try String(contentsOfFile: folder.file("out/" + name), encoding: .utf8) == Self.oldContents)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.file("out")).sorted() == Self.reportNames)
    }

    @Test("a report to a full standard output exits 2 with the reason",
          .enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs /dev/full"))
    func fullStandardOutput() throws {
        let binary = try #require(EndToEnd.binary)
        let folder = try Self.prepare(deliveries: 2)
        defer { folder.remove() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["render", folder.file("in.ndjson"), "--markdown", "-", "--fail-on", "never"]
        let errorPipe = Pipe()
        process.standardError = errorPipe
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        try process.run()
        let errorText = String(decoding: errorPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(errorText.hasSuffix("error: cannot write the Markdown summary to standard output: No space left on device\n"))
    }
}

#if os(Linux)
/// A child process started with `posix_spawn` and the default action for every signal a
/// terminal sends, as a shell starts a command; Foundation's `Process` keeps the parent's
/// ignored signals, and test runners ignore SIGINT.
final class SpawnedProcess {
    enum End: Equatable {
        case exit(Int32)
        case signal(Int32)
    }

    let pid: pid_t
    private var end: End?

    init(_ executable: String, _ arguments: [String], standardInput: Int32? = nil) throws {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let standardInput {
            posix_spawn_file_actions_adddup2(&actions, standardInput, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child = pid_t()
        let result = posix_spawn(&child, executable, &actions, &attributes, argv, environ)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EINVAL) }
        pid = child
    }

    var isRunning: Bool {
        guard end == nil else { return false }
        return !reap(options: WNOHANG)
    }

    @discardableResult
    func waitUntilExit() -> End {
        while end == nil { _ = reap(options: 0) }
        return end ?? .exit(-1)
    }

    /// Collects the child's status if it has ended; whether it has.
    private func reap(options: Int32) -> Bool {
        var status: Int32 = 0
        let result = waitpid(pid, &status, options)
        if result == pid {
            let signal = status & 0x7F
            end = signal == 0 ? .exit((status >> 8) & 0xFF) : .signal(signal)
            return true
        }
        if result < 0 && errno != EINTR { end = .exit(-1); return true }
        return false
    }

    deinit {
        if end == nil {
            kill(pid, SIGKILL)
            waitUntilExit()
        }
    }
}
#endif
