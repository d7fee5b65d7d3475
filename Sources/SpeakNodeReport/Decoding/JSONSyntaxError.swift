/// Why some bytes are not a JSON document, and where the reader gave up.
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem it is; an encoding problem concerns the whole input, not a place in it.
    public enum Kind: Sendable, Hashable {
        /// The text breaks the RFC 8259 grammar (or a limit such as the nesting depth).
        case syntax
        /// A byte sequence that is not valid UTF-8.
        case encoding
        /// The whole input is in another encoding (UTF-16); no place in it is to blame.
        case unsupportedEncoding
    }

    public var kind: Kind
    /// One line saying what is wrong, without the location.
    public var message: String
    /// The 0-based byte offset of the problem.
    public var offset: Int
    /// The 1-based line of the problem.
    public var line: Int
    /// The 1-based column of the problem, counted in Unicode scalars.
    public var column: Int

    public init(kind: Kind = .syntax, message: String, offset: Int, line: Int, column: Int) {
        self.kind = kind
        self.message = message
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// The message with the location, as `invalid JSON at line 3, column 17: expected ',' or '}'`.
    public var description: String { describe(showingLine: true) }

    /// The message with the column and, when `showingLine`, the line; use `showingLine: false`
    /// when the line is already known to the reader (one NDJSON line).
    public func describe(showingLine: Bool) -> String {
        let place = showingLine ? "line \(line), column \(column)" : "column \(column)"
        switch kind {
        case .syntax:
            return "invalid JSON at \(place): \(message)"
        case .unsupportedEncoding:
            return message
        case .encoding:
            return "\(message) at \(place)"
        }
    }
}
