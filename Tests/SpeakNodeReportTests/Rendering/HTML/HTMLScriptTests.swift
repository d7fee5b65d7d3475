import Foundation
import Testing
@testable import SpeakNodeReport

/// Where Node.js is installed, if it is.
enum NodeJS {
    static let path: String? = ["/usr/bin/node", "/usr/local/bin/node", "/opt/homebrew/bin/node"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// Checks the report's inline script with Node.js, when the machine has it.
@Suite("HTML report script", .enabled(if: NodeJS.path != nil, "needs Node.js (node) in /usr/bin, /usr/local/bin or /opt/homebrew/bin"))
struct HTMLScriptTests {
    @Test("The inline script is valid JavaScript, builds no markup from text and loads nothing but recording players")
    func syntax() throws {
        let html = try HTMLFixture.render(HTMLFixture.rich())
        let start = try #require(html.range(of: "<script>")).upperBound
        let end = try #require(html.range(of: "</script>", range: start..<html.endIndex)).lowerBound
        let script = String(html[start..<end])
        for remote in ["fetch", "XMLHttpRequest", "import(", "WebSocket", "EventSource", "sendBeacon", "eval(", "innerHTML", "insertAdjacentHTML", "document.write"] {
            #expect(!script.contains(remote), "\(remote)")
        }
        // The one source it sets is a recording player's, from an http(s) link the template wrote.
        #expect(script.components(separatedBy: ".src = ").count - 1 == 1)
        #expect(script.contains("player.src = link.href;"))
        #expect(script.contains("!/^https?:$/.test(link.protocol)"))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).js")
        try Data(script.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(NodeJS.path))
        process.arguments = ["--check", file.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(message)")
    }
}
