/// A place in the input: a file (or standard input), and for line-oriented input the line.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The path as the user gave it, or `-` for standard input.
    public var file: String
    /// The 1-based line for NDJSON input; `nil` when the whole file is one document.
    public var line: Int?
    /// The 0-based position of the delivery inside a JSON array, when the file held an array.
    public var index: Int?

    public init(file: String, line: Int? = nil, index: Int? = nil) {
        self.file = file
        self.line = line
        self.index = index
    }

    /// `file:line`, `file[index]` or `file`, as error messages show it.
    public var description: String {
        let name = file == "-" ? "<stdin>" : file
        if let line { return "\(name):\(line)" }
        if let index { return "\(name)[\(index)]" }
        return name
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line ?? 0, lhs.index ?? 0) < (rhs.file, rhs.line ?? 0, rhs.index ?? 0)
    }
}
