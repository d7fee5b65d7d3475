import Foundation

/// The high-water mark of this process's resident memory, which can be reset between stages
/// on Linux (`/proc/self/clear_refs`), so each stage's own peak can be read.
enum PeakMemory {
    /// Starts a new high-water mark at the current resident size; `false` where unsupported.
    @discardableResult
    static func reset() -> Bool {
        guard let file = fopen("/proc/self/clear_refs", "w") else { return false }
        defer { fclose(file) }
        return fputs("5", file) >= 0
    }

    /// The peak resident size, in bytes, since the last reset (or since the process started).
    static func current() -> Int {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
           let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") {
            return kilobytes * 1024
        }
        var usage = rusage()
        getrusage(selfUsage, &usage)
        return Int(usage.ru_maxrss) * 1024
    }

    #if os(Linux)
    private static let selfUsage = __rusage_who_t(RUSAGE_SELF.rawValue)
    #else
    private static let selfUsage = RUSAGE_SELF
    #endif
}
