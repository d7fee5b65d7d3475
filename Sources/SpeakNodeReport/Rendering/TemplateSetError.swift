/// Why a set of templates could not be loaded or used, worded for the person who wrote them.
public enum TemplateSetError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The override folder does not exist.
    case folderMissing(path: String)
    /// The override path is a file, not a folder.
    case notAFolder(path: String)
    /// The folder or one of its templates could not be read.
    case unreadable(path: String, reason: String)
    /// A template does not parse: `file` is the override's path or the built-in's file name.
    case syntax(file: String, line: Int, column: Int, message: String)
    /// A template needed for a report is in neither the overrides nor the built-ins.
    case missingTemplate(name: String)

    public var description: String {
        switch self {
        case .folderMissing(let path): "template folder \(path) does not exist"
        case .notAFolder(let path): "template folder \(path) is not a folder"
        case .unreadable(let path, let reason): "cannot read templates at \(path): \(reason)"
        case .syntax(let file, let line, let column, let message): "\(file):\(line):\(column): \(message)"
        case .missingTemplate(let name): "no template named \(name)\(TemplateFile.fileExtension)"
        }
    }
}
