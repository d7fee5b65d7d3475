import Foundation

/// Runs a command with its standard output sent to `/dev/null`, measuring its wall time and
/// peak memory.
///
/// The peak memory comes from GNU `/usr/bin/time` when it is installed: a child spawned
/// straight from this (large) process inherits this process's high-water mark on Linux, so
/// its own `wait4` figure would be wrong. Without `time` it is that upper bound.
struct ChildProcess {
    /// What one run of a command cost.
    struct Cost {
        var seconds: Double
        /// Peak resident set size, in bytes.
        var peakMemory: Int
        /// User plus system CPU time, in seconds.
        var cpuSeconds: Double
        var exitStatus: Int32
    }

    var executable: String
    var arguments: [String]

    /// The first executable called `name` on `PATH`, if any.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    func run() throws -> Cost {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)

        let memoryFile = NSTemporaryDirectory() + "speaknode-benchmark-rss-\(getpid())"
        defer { unlink(memoryFile) }
        let timeCommand = "/usr/bin/time"
        let usesTime = access(timeCommand, X_OK) == 0
        let command = usesTime ? [timeCommand, "-f", "%M %U %S", "-o", memoryFile, executable] + arguments : [executable] + arguments
        let argv = command.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let start = ContinuousClock.now
        let spawned = posix_spawn(&pid, command[0], &actions, nil, argv, environ)
        guard spawned == 0 else { throw BenchmarkError("cannot run \(executable): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw BenchmarkError("wait4 failed for \(executable)") }
        }
        let elapsed = start.duration(to: .now)
        var peakMemory = Int(usage.ru_maxrss) * 1024
        var cpuSeconds = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        if usesTime, let text = try? String(contentsOfFile: memoryFile, encoding: .utf8),
           let fields = text.split(separator: "\n").last?.split(separator: " "), fields.count == 3,
           let kilobytes = Int(fields[0]), let user = Double(fields[1]), let system = Double(fields[2]) {
            peakMemory = kilobytes * 1024
            cpuSeconds = user + system
        }
        return Cost(seconds: elapsed.seconds, peakMemory: peakMemory, cpuSeconds: cpuSeconds,
                    exitStatus: (status >> 8) & 0xFF)
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension Duration {
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
