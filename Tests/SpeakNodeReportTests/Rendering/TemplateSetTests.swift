import Foundation
import Testing
@testable import SpeakNodeReport

@Suite("Template set")
struct TemplateSetTests {
    static let templatesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Templates")

    @Test("The embedded built-ins equal the Templates/ files byte for byte")
    func builtinsMatchFiles() throws {
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: Self.templatesFolder.path)
            .filter { $0.hasSuffix(".mustache") }.sorted()
        #expect(TemplateFile.builtins.map(\.fileName) == onDisk)
        for file in TemplateFile.builtins {
            let data = try Data(contentsOf: Self.templatesFolder.appendingPathComponent(file.fileName))
            #expect(Data(file.contents.utf8) == data, "\(file.fileName) differs from the embedded copy")
        }
        let names = TemplateFile.builtins.map(\.name)
        for format in ReportFormat.allCases { #expect(names.contains(format.templateName)) }
    }

    @Test("An override folder that is missing or is a file is reported as such")
    func badFolders() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString)").path
        #expect(throws: TemplateSetError.folderMissing(path: missing)) { try TemplateSet(overridesIn: missing) }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("file-\(UUID().uuidString)")
        try Data("x".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(throws: TemplateSetError.notAFolder(path: file.path)) { try TemplateSet(overridesIn: file.path) }
    }

    @Test("A broken override is reported with its path, line and column")
    func brokenOverride() throws {
        let folder = try Self.folder(with: ["summary.md.mustache": "line one\nline {{#open}} two\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try TemplateSet(overridesIn: folder.path)
            Issue.record("a template with an unclosed section loaded")
        } catch let TemplateSetError.syntax(file, line, column, message) {
            #expect(file == folder.appendingPathComponent("summary.md.mustache").path)
            #expect(line == 2)
            #expect(column > 0)
            #expect(!message.isEmpty)
        }
    }

    @Test("One override replaces its built-in; the others fall back; new files add partials")
    func overrides() throws {
        let folder = try Self.folder(with: [
            "summary.md.mustache": "{{> extra.md}} {{totals.tests}} tests\n",
            "extra.md.mustache": "Custom:",
            "notes.txt": "ignored, not a template",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let templates = try TemplateSet(overridesIn: folder.path)
        #expect(templates.overriddenNames == ["extra.md", "summary.md"])
        let renderer = ReportRenderer(templates: templates)
        let report = ReportFixture.mixed()
        #expect(try renderer.render(report, as: .markdown, options: RenderOptions()) == "Custom: 5 tests\n")
        let builtin = ReportRenderer(templates: try TemplateSet())
        #expect(
            try renderer.render(report, as: .junit, options: RenderOptions())
                == builtin.render(report, as: .junit, options: RenderOptions()))
    }

    static func folder(with files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, contents) in files {
            try Data(contents.utf8).write(to: folder.appendingPathComponent(name))
        }
        return folder
    }
}
