import Foundation
import SpeakNodeReport

/// Which report goes to which path, worked out and checked before any input is read.
struct OutputPlan: Sendable, Hashable {
    /// In the order of `ReportFormat.allCases`.
    var files: [WrittenFile]

    /// `--out DIR` puts every format into DIR under its default name; `--junit`, `--markdown`
    /// and `--html` add a format or replace its path. With none of them, `defaultDirectory`
    /// stands in for `--out`.
    init(
        directory: String?, explicitPaths: [ReportFormat: String], defaultDirectory: String
    ) throws(CommandFailure) {
        let directory = directory ?? (explicitPaths.isEmpty ? defaultDirectory : nil)
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
        if files.filter(\.isStandardOutput).count > 1 {
            throw CommandFailure("only one report can go to standard output (-)")
        }
        var seen: [String: ReportFormat] = [:]
        for file in files where !file.isStandardOutput {
            let key = URL(fileURLWithPath: file.path).standardizedFileURL.path
            if let other = seen[key] {
                throw CommandFailure("the \(other.displayName) and the \(file.format.displayName) would both be written to \(file.path)")
            }
            seen[key] = file.format
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), isDirectory.boolValue {
                throw CommandFailure("cannot write the \(file.format.displayName) to \(file.path): it is a directory")
            }
        }
        self.files = files
    }

    private static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
