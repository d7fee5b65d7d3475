/// A delivery, line or file that could not be read. It is reported on stderr and in the
/// reports, and the rest of the input is still reported.
public struct InputProblem: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var source: SourceLocation
    /// One line saying what is wrong, without the location.
    public var reason: String

    public init(source: SourceLocation, reason: String) {
        self.source = source
        self.reason = reason
    }

    /// `file:line: reason`.
    public var description: String { "\(source): \(reason)" }

    public static func < (lhs: InputProblem, rhs: InputProblem) -> Bool {
        (lhs.source, lhs.reason) < (rhs.source, rhs.reason)
    }
}
