import Foundation
import Testing

/// Validation of JUnit XML against the Jenkins xUnit schema in `../shared/junit`, with xmllint.
enum JUnitSchema {
    static let schema = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/junit/junit-10.xsd").standardizedFileURL
    static let xmllint = ["/usr/bin/xmllint", "/usr/local/bin/xmllint", "/opt/homebrew/bin/xmllint"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    static var canValidate: Bool { xmllint != nil && FileManager.default.fileExists(atPath: schema.path) }
    /// Why schema tests are skipped when they are.
    static let skipReason: Comment = "needs xmllint (apt-get install libxml2-utils) and ../shared/junit/junit-10.xsd"

    static func validate(_ xml: String) throws -> (valid: Bool, output: String) {
        let file = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("junit-\(UUID().uuidString).xml")
        try Data(xml.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(xmllint))
        process.arguments = ["--noout", "--huge", "--schema", schema.path, file.path]
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus == 0, output)
    }
}
