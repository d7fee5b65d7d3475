#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One template file: its file name (`junit.xml.mustache`) and its text.
public struct TemplateFile: Sendable, Hashable {
    /// The file name, with the `.mustache` extension.
    public var fileName: String
    public var contents: String

    public init(fileName: String, contents: String) {
        self.fileName = fileName
        self.contents = contents
    }

    /// The name templates and partials are known by: the file name without `.mustache`.
    public var name: String {
        fileName.hasSuffix(TemplateFile.fileExtension)
            ? String(fileName.dropLast(TemplateFile.fileExtension.count)) : fileName
    }

    static let fileExtension = ".mustache"

    /// The templates compiled into the tool from the package's `Templates/` folder, sorted by name.
    public static let builtins: [TemplateFile] = BuiltinTemplateFiles.base64
        .compactMap { entry in
            guard let data = Data(base64Encoded: entry.contents) else { return nil }
            return TemplateFile(fileName: entry.name, contents: String(decoding: data, as: UTF8.self))
        }
        .sorted { $0.fileName < $1.fileName }
}
