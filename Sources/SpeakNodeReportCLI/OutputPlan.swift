#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SpeakNodeReport

/// Which report goes to which path, worked out and checked before any input is read.
struct OutputPlan: Sendable, Hashable {
    /// In the order of `ReportFormat.allCases`.
    var files: [WrittenFile]
    /// Where the JSON summary goes: `--json FILE`, else `summary.json` in the output folder;
    /// `nil` when neither was asked for.
    var summaryPath: String?

    /// `--out DIR` puts every format into DIR under its default name; `--junit`, `--markdown`
    /// and `--html` add a format or replace its path. With none of them, `defaultDirectory`
    /// stands in for `--out`.
    init(
        directory: String?, explicitPaths: [ReportFormat: String], defaultDirectory: String,
        summaryPath explicitSummaryPath: String? = nil
    ) throws(CommandFailure) {
        let directory = directory ?? (explicitPaths.isEmpty && explicitSummaryPath == nil ? defaultDirectory : nil)
        let summaryPath = explicitSummaryPath ?? directory.map { Self.join($0, InsightsOptions.summaryFileName) }
        var files: [WrittenFile] = []
        for format in ReportFormat.allCases {
            if let path = explicitPaths[format] {
                files.append(WrittenFile(format: format, path: path))
            } else if let directory {
                files.append(WrittenFile(format: format, path: Self.join(directory, format.defaultFileName)))
            }
        }
        if let directory, let reason = Self.obstacle(writingInto: directory) {
            throw CommandFailure("cannot write into \(directory): \(reason)")
        }
        if files.filter(\.isStandardOutput).count + (summaryPath == "-" ? 1 : 0) > 1 {
            throw CommandFailure("only one report can go to standard output (-)")
        }
        var seen: [String: String] = [:]
        var destinations = files.map { (name: $0.format.displayName, path: $0.path) }
        if let summaryPath { destinations.append((name: "JSON summary", path: summaryPath)) }
        for file in destinations where file.path != "-" {
            let key = URL(fileURLWithPath: file.path).standardizedFileURL.path
            if let other = seen[key] {
                throw CommandFailure("the \(other) and the \(file.name) would both be written to \(file.path)")
            }
            seen[key] = file.name
            if PathKind(path: file.path) == .folder {
                throw CommandFailure("cannot write the \(file.name) to \(file.path): it is a directory")
            }
        }
        self.files = files
        self.summaryPath = summaryPath
    }

    /// What already on disk stops reports from being written into `directory`, which is created
    /// when missing: a file where a folder must be, or a folder the user may not write to.
    private static func obstacle(writingInto directory: String) -> String? {
        var current = directory
        while true {
            if let kind = PathKind(path: current) {
                let name = current == directory ? "it" : current
                guard kind == .folder else { return "\(name) is a file, not a directory" }
                guard access(current, W_OK) == 0 else {
                    return "\(name == "it" ? "" : name + ": ")\(String(cString: strerror(errno)).lowercased())"
                }
                return nil
            }
            let parent = Self.parent(of: current)
            guard parent != current else { return nil }
            current = parent
        }
    }

    /// The folder that holds `path`: `a/b` → `a`, `a` → `.`, `/a` → `/`. (Foundation's
    /// `deletingLastPathComponent` traps on some one-letter paths on Linux.)
    private static func parent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    private static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
