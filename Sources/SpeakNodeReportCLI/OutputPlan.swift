import Foundation
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
        if let directory {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), !isDirectory.boolValue {
                throw CommandFailure("cannot write into \(directory): it is a file, not a directory")
            }
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
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), isDirectory.boolValue {
                throw CommandFailure("cannot write the \(file.name) to \(file.path): it is a directory")
            }
        }
        self.files = files
        self.summaryPath = summaryPath
    }

    private static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
