/// How the contents of one input are laid out.
public enum InputFormat: Sendable, Hashable {
    /// One JSON document: a delivery object, or an array of them (`.json`).
    case json
    /// One delivery per line (`.ndjson`, `.jsonl`).
    case ndjson
    /// Not known from the name (standard input, other extensions): decided from the contents.
    case detected

    /// The file extensions read when searching a folder, lowercased.
    public static let searchedExtensions: Set<String> = ["json", "ndjson", "jsonl"]

    /// The format a file's name promises, `.detected` when its extension says nothing.
    public init(path: String) {
        switch InputFormat.lowercasedExtension(of: path) {
        case "json": self = .json
        case "ndjson", "jsonl": self = .ndjson
        default: self = .detected
        }
    }

    /// The part of the last path component after its last dot, lowercased; empty when none.
    static func lowercasedExtension(of path: String) -> String {
        let name = path.lastIndex(of: "/").map { path[path.index(after: $0)...] } ?? Substring(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
