#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Mustache

/// The templates reports are rendered with: the built-ins, with any a user supplied in
/// `--templates DIR` replacing the built-in of the same file name or adding a partial.
///
/// Every template is parsed once, when the set is made, so a syntax error is reported before
/// any report is written.
public struct TemplateSet: Sendable {
    /// Every template of the set, overrides in place of the built-ins they replace, sorted by name.
    public let files: [TemplateFile]
    /// Names (without `.mustache`) of the templates that came from the override folder, sorted.
    public let overriddenNames: [String]
    /// Where each template came from, for error messages: an override's path or `built-in NAME`.
    private let origins: [String: String]
    private let library: TemplateLibrary

    /// The built-in templates alone.
    public init() throws {
        try self.init(files: TemplateFile.builtins, overrides: [], folder: nil)
    }

    /// The built-ins, with every `*.mustache` file directly inside `directory` taking the place of
    /// the built-in of the same file name, or adding a partial. Sub-folders are not read.
    public init(overridesIn directory: String) throws {
        let overrides = try Self.readOverrides(in: directory)
        var byName = Dictionary(TemplateFile.builtins.map { ($0.fileName, $0) }, uniquingKeysWith: { _, last in last })
        for file in overrides { byName[file.fileName] = file }
        try self.init(
            files: byName.values.sorted { $0.fileName < $1.fileName }, overrides: overrides, folder: directory)
    }

    private init(files: [TemplateFile], overrides: [TemplateFile], folder: String?) throws {
        let overridden = Set(overrides.map(\.fileName))
        var origins: [String: String] = [:]
        for file in files {
            if let folder, overridden.contains(file.fileName) {
                origins[file.name] = URL(fileURLWithPath: folder).appendingPathComponent(file.fileName).path
            } else {
                origins[file.name] = "built-in \(file.fileName)"
            }
        }
        self.files = files
        self.overriddenNames = overrides.map(\.name).sorted()
        self.origins = origins
        do {
            library = try TemplateLibrary(
                sources: Dictionary(files.map { ($0.name, $0.contents) }, uniquingKeysWith: { _, last in last }))
        } catch {
            throw Self.syntaxError(error, origins: origins)
        }
    }

    /// The built-in template files, for `speaknode-report templates DIR` to write out.
    public static var builtinFiles: [TemplateFile] { TemplateFile.builtins }

    /// Names of every template (without `.mustache`), sorted.
    public var names: [String] { files.map(\.name) }

    /// Which lists render on several cores: long ones by default. The text is the same
    /// either way (see `ListConcurrency`).
    public var listConcurrency: ListConcurrency = .automatic

    /// Renders the named template with the escaping its file name calls for (see `OutputFormat`).
    public func render(_ name: String, context: MustacheValue) throws -> String {
        guard library[name] != nil else { throw TemplateSetError.missingTemplate(name: name) }
        do {
            return try library.render(
                name, context: context, escaping: OutputFormat(templateName: name).escaping, concurrency: listConcurrency)
        } catch {
            throw Self.syntaxError(error, origins: origins)
        }
    }

    /// Renders the named template into `sink` piece by piece, as UTF-8 bytes (see
    /// `Template.render(_:partials:escaping:concurrency:to:)`).
    public func render(_ name: String, context: MustacheValue, to sink: @escaping TextSink) throws {
        guard library[name] != nil else { throw TemplateSetError.missingTemplate(name: name) }
        do {
            try library.render(
                name, context: context, escaping: OutputFormat(templateName: name).escaping, concurrency: listConcurrency,
                to: sink)
        } catch {
            throw Self.syntaxError(error, origins: origins)
        }
    }

    private static func syntaxError(_ error: TemplateError, origins: [String: String]) -> TemplateSetError {
        .syntax(
            file: origins[error.templateName] ?? error.templateName, line: error.line, column: error.column,
            message: error.message)
    }

    private static func readOverrides(in directory: String) throws -> [TemplateFile] {
        guard let kind = PathKind(path: directory) else { throw TemplateSetError.folderMissing(path: directory) }
        guard kind == .folder else { throw TemplateSetError.notAFolder(path: directory) }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw TemplateSetError.unreadable(path: directory, reason: SystemErrorText.reason(of: error))
        }
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        return try entries.filter { $0.hasSuffix(TemplateFile.fileExtension) && !$0.hasPrefix(".") }.sorted()
            .compactMap { fileName -> TemplateFile? in
                let url = folder.appendingPathComponent(fileName)
                guard PathKind(path: url.path) == .file else { return nil }
                let bytes: [UInt8]
                do throws(FileReading.ReadError) {
                    bytes = try FileReading.readFile(atPath: url.path)
                } catch {
                    throw TemplateSetError.unreadable(path: url.path, reason: error.description)
                }
                guard let contents = String(validating: bytes, as: UTF8.self) else {
                    throw TemplateSetError.unreadable(path: url.path, reason: "not UTF-8 text")
                }
                return TemplateFile(fileName: fileName, contents: contents)
            }
    }
}
