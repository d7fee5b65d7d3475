import Foundation
import Testing

/// Renders Markdown to HTML with cmark-gfm, the reference GitHub-flavoured Markdown renderer,
/// with GitHub's extensions and raw HTML let through (GitHub keeps `<details>` and `<summary>`),
/// so a test sees every element the Markdown would produce.
enum CmarkGFM {
    static let path = ["/usr/bin/cmark-gfm", "/usr/local/bin/cmark-gfm", "/opt/homebrew/bin/cmark-gfm"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static let isAvailable = path != nil
    static let missing: Comment = "cmark-gfm is not installed (apt-get install -y cmark-gfm)"

    static func html(_ markdown: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(path))
        process.arguments = [
            "--unsafe", "--extension", "table", "--extension", "autolink", "--extension", "strikethrough",
            "--extension", "tasklist", "--extension", "tagfilter",
        ]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        // Write from another thread: a large document would otherwise fill both pipes.
        let writer = Thread {
            input.fileHandleForWriting.write(Data(markdown.utf8))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Every tag of the HTML in order, without attributes: `h2`, `/h2`, `table`, ….
    static func tags(_ html: String) -> [String] {
        html.split(separator: "<", omittingEmptySubsequences: false).dropFirst().compactMap { piece in
            let name = piece.prefix { $0.isLetter || $0.isNumber || $0 == "/" || $0 == "!" || $0 == "-" }
            return name.isEmpty ? nil : name.lowercased()
        }
    }

    /// The tables of the HTML, each as rows of cells (header row first).
    static func tables(_ html: String) -> [[[String]]] {
        html.components(separatedBy: "<table>").dropFirst().map { table in
            let body = table.components(separatedBy: "</table>")[0]
            return body.components(separatedBy: "<tr>").dropFirst().map { row in
                let row = row.components(separatedBy: "</tr>")[0]
                return row.components(separatedBy: "<t").dropFirst().compactMap { cell -> String? in
                    guard cell.hasPrefix("d") || cell.hasPrefix("h") else { return nil }
                    guard let start = cell.firstIndex(of: ">") else { return nil }
                    let text = cell[cell.index(after: start)...]
                    return String(text.components(separatedBy: "</t")[0])
                }
            }
        }
    }
}
