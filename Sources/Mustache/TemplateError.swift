/// A problem with a template: a syntax error found while parsing, or a failure while rendering
/// (a template missing from a library, partials nested too deeply).
///
/// `line` and `column` are 1-based and point at the offending tag; both are 0 when the problem
/// has no place in a source (for example a template name missing from a library).
public struct TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The name of the template the problem is in (or the missing template's name).
    public var templateName: String
    /// The 1-based line of the offending tag, or 0.
    public var line: Int
    /// The 1-based column (in characters) of the offending tag, or 0.
    public var column: Int
    /// What is wrong, in words.
    public var message: String

    /// An error at `line`:`column` (1-based; 0 when there is no position) of `templateName`.
    public init(templateName: String, line: Int, column: Int, message: String) {
        self.templateName = templateName
        self.line = line
        self.column = column
        self.message = message
    }

    /// `NAME:LINE:COLUMN: MESSAGE`, the form compilers use, so editors can jump to it.
    public var description: String {
        "\(templateName):\(line):\(column): \(message)"
    }
}
