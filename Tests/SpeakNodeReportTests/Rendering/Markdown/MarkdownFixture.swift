import Foundation
@testable import SpeakNodeReport

/// Reports for the Markdown summary's tests: large ones, and ones whose every payload field holds the same text.
enum MarkdownFixture {
    /// The built-in templates with the partials other features add to the summary
    /// (`latency.md`, `changes.md`) left empty, so a test sees the summary's own structure.
    static func coreTemplates() throws -> TemplateSet {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("markdown-core-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["latency.md.mustache", "changes.md.mustache"] {
            try Data().write(to: folder.appendingPathComponent(name))
        }
        return try TemplateSet(overridesIn: folder.path)
    }

    /// A transcript of `lines` alternating user and agent lines, each `length` characters long,
    /// with a failing tool call near the end.
    static func transcript(lines: Int, length: Int, text: String = "word ") -> [HistoryItem] {
        let start = ReportFixture.start
        let filler = String(String(repeating: text, count: length / max(1, text.count) + 1).prefix(length))
        var history = (0..<lines).map { index in
            HistoryItem(
                role: index.isMultiple(of: 2) ? "User" : "Assistant", content: "\(index) \(filler)", kind: "Message",
                createdAt: start.addingTimeInterval(Double(index) * 3))
        }
        history.append(HistoryItem(kind: "FunctionCall", createdAt: start.addingTimeInterval(Double(lines) * 3), toolName: "book_slot", toolArgumentsJSON: #"{"day":"mon"}"#))
        history.append(HistoryItem(kind: "FunctionCallOutput", createdAt: start.addingTimeInterval(Double(lines) * 3 + 1), toolName: "book_slot", toolOutput: "slot taken", toolIsError: true))
        return history
    }

    /// `count` tests in one run; every `failEvery`-th fails with three reasons, and every
    /// transcript has `lines` lines of `lineLength` characters.
    static func large(
        count: Int, failEvery: Int = 10, lines: Int = 40, lineLength: Int = 400, name: (Int) -> String = { "Scenario \($0)" }
    ) -> Report {
        let tests = (0..<count).map { index in
            let fails = index.isMultiple(of: failEvery)
            let reasons = [
                "Test \(index): the agent never confirmed the booking slot with the caller",
                "The agent hung up before the caller had finished the last sentence",
                "The agent quoted a price that is not in the price list it was given",
            ]
            let conversation = ReportFixture.conversation(
                session: "s\(index)", success: !fails, reasons: fails ? reasons : [],
                audioURL: "https://rec.example/\(index).wav", history: transcript(lines: lines, length: lineLength))
            let attempt = ReportFixture.attempt(fails ? .failed : .passed, conversation, reasons: fails ? reasons : [])
            return ReportFixture.test(id: String(format: "t%05d", index), name: name(index), attempts: [attempt])
        }
        return ReportFixture.report(tests: tests)
    }

    /// One test of every outcome, a flaky one, and an input problem, with `text` in every
    /// field that comes from the payload.
    static func everyField(_ text: String) -> Report {
        let history = [
            HistoryItem(role: text, content: text, kind: "Message", createdAt: ReportFixture.start.addingTimeInterval(1)),
            HistoryItem(kind: "FunctionCall", createdAt: ReportFixture.start.addingTimeInterval(2), toolName: text, toolArgumentsJSON: text),
            HistoryItem(kind: "FunctionCallOutput", createdAt: ReportFixture.start.addingTimeInterval(3), toolName: text, toolOutput: text, toolIsError: true),
            HistoryItem(content: text, kind: text),
        ]
        func conversation(_ session: String, status: String = "Completed", success: Bool?) -> Conversation {
            var conversation = ReportFixture.conversation(
                session: session, agent: text, status: status, success: success, reasons: [text, text],
                audioURL: "javascript:alert(1)", history: history)
            conversation.evalResult?.completionReason = text
            return conversation
        }
        let tests = [
            ReportFixture.test(id: "a", name: text, agent: text, attempts: [ReportFixture.attempt(.failed, conversation("a", success: false), reasons: [text, text])]),
            ReportFixture.test(id: "b", name: text, agent: text, attempts: [ReportFixture.attempt(.error, conversation("b", status: text, success: nil))]),
            ReportFixture.test(id: "c", name: text, agent: text, attempts: [ReportFixture.attempt(.skipped, conversation("c", status: text, success: nil))]),
            ReportFixture.test(
                id: "d", name: text, agent: text,
                attempts: [
                    ReportFixture.attempt(.failed, conversation("d1", success: false), reasons: [text]),
                    ReportFixture.attempt(.passed, conversation("d2", success: true)),
                ]),
        ]
        return ReportFixture.report(
            tests: tests, campaign: text, redeliveries: 1, nonTest: 1,
            problems: [InputProblem(source: SourceLocation(file: text, line: 3), reason: text)])
    }
}
