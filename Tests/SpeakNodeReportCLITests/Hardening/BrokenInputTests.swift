import Foundation
import Testing
@testable import SpeakNodeReportCLI

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Every kind of broken delivery, through the whole command: one warning line naming the file
/// (and line) and the reason, the rest still reported, and the problem listed in every report.
@Suite("Hardening: broken input through the command line")
struct BrokenInputTests {
    static func delivery(_ number: Int, extra: String = "") -> String {
        #"{"event":"ConversationComplete","data":{"session_id":"s-\#(number)","test_run_id":"run","test_id":"t-\#(number)","test_status":"Completed","test_eval_result":{"success":true,"reasons":[]}\#(extra)}}"#
    }

    /// One file per kind of breakage, with the warning each must give (after `warning: PATH`).
    static let brokenFiles: [(name: String, bytes: [UInt8], warning: String)] = [
        ("truncated.json", Array(delivery(2).utf8.prefix(60)),
         ": invalid JSON at line 1, column 60: unterminated string"),
        ("binary.json", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0xFF], ": not JSON: starts with byte 0x89"),
        ("error-page.json", Array("<html><body>502 Bad Gateway</body></html>\n".utf8), ": not JSON: starts with '<'"),
        ("empty.json", [], ": empty file"),
        ("blank.json", Array("  \n\t\n".utf8), ": empty file"),
        ("string-for-number.json", Array(delivery(3, extra: #","duration_seconds":"12""#).utf8),
         ": data.duration_seconds: expected a number, found a string"),
        ("object-for-array.json", Array(delivery(4, extra: #","history":{}"#).utf8),
         ": data.history: expected an array, found an object"),
        ("array-for-object.json", Array(#"{"event":"ConversationComplete","data":[]}"#.utf8),
         ": data: expected an object, found an array"),
        ("number-for-string.json", Array(#"{"event":"ConversationComplete","data":{"session_id":7}}"#.utf8),
         ": data.session_id: expected a string, found a number"),
        ("not-an-object.json", Array("42".utf8), ": expected a delivery object, found a number"),
        ("deep.json", Array(("[" + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "]").utf8),
         ": invalid JSON at line 1, column 513: nested deeper than 512 levels"),
        ("utf16.json", [0xFF, 0xFE] + Array(delivery(5).utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
         ": UTF-16 is not supported; convert to UTF-8"),
        ("latin1.json", Array(#"{"event":"ConversationComplete","data":{"agent_name":"caf"#.utf8) + [0xE9] + Array(#""}}"#.utf8),
         ": invalid UTF-8 at line 1, column 58"),
        ("huge-number.json", Array(delivery(6, extra: #","duration_seconds":1e400"#).utf8),
         ": invalid JSON at line 1, column 190: number too large: 1e400"),
    ]

    /// Inputs that look odd but are valid and must be kept.
    static let oddButValidFiles: [(name: String, text: String, testID: String)] = [
        ("nulls.json", #"{"event":"ConversationComplete","data":{"session_id":"s-20","test_run_id":"run","test_id":"t-20","agent_name":null,"history":[null,{"role":null,"content":null,"metrics":null}],"test_eval_result":{"success":null,"reasons":null,"completion_reason":null},"duration_seconds":null,"audio_url":null}}"#, "t-20"),
        ("lone-surrogate.json", delivery(21, extra: #","agent_name":"A\ud800B""#), "t-21"),
        ("duplicate-keys.json", #"{"event":"ConversationComplete","data":{"session_id":"s-22","test_run_id":"run","test_id":"ignored","test_id":"t-22"}}"#, "t-22"),
    ]

    func writeInputs(into folder: TemporaryDirectory) throws {
        _ = try folder.write(Self.delivery(1), to: "in/good.json")
        _ = try folder.write(Self.delivery(30) + "\n{oops\n\n" + Self.delivery(31) + "\nnull\n", to: "in/lines.ndjson")
        for file in Self.brokenFiles {
            try Data(file.bytes).write(to: URL(fileURLWithPath: folder.file("in/" + file.name)))
        }
        for file in Self.oddButValidFiles {
            _ = try folder.write(file.text, to: "in/" + file.name)
        }
    }

    func makeFolder() throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: folder.file("in"), withIntermediateDirectories: true)
        try writeInputs(into: folder)
        return folder
    }

    @Test("each broken file is one warning line with the file and the reason; everything else is reported")
    func everyBreakageIsOneLine() throws {
        let folder = try makeFolder()
        defer { folder.remove() }
        let console = RecordingConsole()
        let status = console.run(["render", folder.file("in"), "--out", folder.file("out")])
        #expect(status == .usageOrInputError)

        let warnings = console.error.split(separator: "\n").map(String.init).filter { $0.hasPrefix("warning: ") }
        var expected = Self.brokenFiles.map { "warning: " + folder.file("in/" + $0.name) + $0.warning }
        expected.append("warning: \(folder.file("in/lines.ndjson")):2: invalid JSON at column 2: expected a string key in double quotes")
        expected.append("warning: \(folder.file("in/lines.ndjson")):5: expected a delivery object, found null")
        #expect(warnings.sorted() == expected.sorted())

        let junit = try String(contentsOfFile: folder.file("out/junit.xml"), encoding: .utf8)
        for testID in ["t-1", "t-30", "t-31"] + Self.oddButValidFiles.map(\.testID) {
            #expect(junit.contains("testcase name=\"\(testID)\""), "\(testID) is still reported")
        }
        #expect(!junit.contains("name=\"ignored\""), "the last of duplicated keys wins")
        #expect(junit.contains("A\u{FFFD}B"), "a lone surrogate is replaced, the delivery kept")
    }

    @Test("every problem is an errored test case in JUnit, counted in the totals, and listed in Markdown and HTML")
    func problemsAreInEveryReport() throws {
        let folder = try makeFolder()
        defer { folder.remove() }
        let console = RecordingConsole()
        _ = console.run(["render", folder.file("in"), "--out", folder.file("out")])
        let problemCount = Self.brokenFiles.count + 2
        let testCount = 3 + Self.oddButValidFiles.count

        let document = try XMLDocument(contentsOf: URL(fileURLWithPath: folder.file("out/junit.xml")), options: [])
        let root = try #require(document.rootElement())
        #expect(root.attribute(forName: "tests")?.stringValue == "\(testCount + problemCount)")
        let errorsInRuns = root.elements(forName: "testsuite").filter { $0.attribute(forName: "name")?.stringValue != "speaknode-report input" }
            .compactMap { Int($0.attribute(forName: "errors")?.stringValue ?? "") }.reduce(0, +)
        #expect(root.attribute(forName: "errors")?.stringValue == "\(errorsInRuns + problemCount)")
        let inputSuite = try #require(root.elements(forName: "testsuite").first { $0.attribute(forName: "name")?.stringValue == "speaknode-report input" })
        #expect(inputSuite.attribute(forName: "tests")?.stringValue == "\(problemCount)")
        #expect(inputSuite.attribute(forName: "errors")?.stringValue == "\(problemCount)")
        let cases = inputSuite.elements(forName: "testcase")
        #expect(cases.count == problemCount)
        let truncated = try #require(cases.first { $0.attribute(forName: "name")?.stringValue == folder.file("in/truncated.json") })
        let error = try #require(truncated.elements(forName: "error").first)
        #expect(error.attribute(forName: "type")?.stringValue == "InputProblem")
        #expect(error.attribute(forName: "message")?.stringValue == "invalid JSON at line 1, column 60: unterminated string")

        let markdown = try String(contentsOfFile: folder.file("out/summary.md"), encoding: .utf8)
        #expect(markdown.contains("\(problemCount) input problems"))
        let html = try String(contentsOfFile: folder.file("out/report.html"), encoding: .utf8)
        #expect(html.contains("\(problemCount) input problems"))
        for file in Self.brokenFiles {
            #expect(html.contains(file.name), "the HTML report names \(file.name)")
        }
    }

    @Test("--ignore-invalid warns on standard error only: the reports leave the problems out and the exit status ignores them")
    func ignoreInvalid() throws {
        let folder = try makeFolder()
        defer { folder.remove() }
        let console = RecordingConsole()
        let status = console.run(["render", folder.file("in"), "--out", folder.file("out"), "--ignore-invalid"])
        #expect(status == .testsFailed, "the nulls delivery has no verdict, an error")
        #expect(console.error.contains("warning: \(folder.file("in/empty.json")): empty file"))
        let junit = try String(contentsOfFile: folder.file("out/junit.xml"), encoding: .utf8)
        #expect(!junit.contains("InputProblem"))
        #expect(!junit.contains("speaknode-report input"))
        let markdown = try String(contentsOfFile: folder.file("out/summary.md"), encoding: .utf8)
        #expect(!markdown.contains("input problem"))
        let html = try String(contentsOfFile: folder.file("out/report.html"), encoding: .utf8)
        #expect(!html.contains("input problem"))

        let clean = RecordingConsole()
        clean.standardInput = Array((Self.delivery(1) + "\n{broken\n").utf8)
        #expect(clean.run(["render", "-", "--junit", folder.file("j.xml"), "--ignore-invalid"]) == .success)
        #expect(clean.error.contains("warning: <stdin>:2: "))
    }

    @Test("a 50 MB string is read and the delivery kept", .timeLimit(.minutes(3)))
    func fiftyMegabyteString() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let long = String(repeating: "a", count: 50 << 20)
        let history = #","history":[{"role":"user","content":"\#(long)"}]"#
        _ = try folder.write(Self.delivery(1, extra: history), to: "big.json")
        let console = RecordingConsole()
        #expect(console.run(["render", folder.file("big.json"), "--markdown", folder.file("s.md")]) == .success)
        #expect(console.error.hasPrefix("PASSED: 1 test, 1 passed"))
        let summary = try String(contentsOfFile: folder.file("s.md"), encoding: .utf8)
        #expect(summary.utf8.count < 1 << 20, "the long text is not copied whole into the summary")
    }
}
