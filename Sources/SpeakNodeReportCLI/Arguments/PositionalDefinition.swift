/// An argument identified by its place rather than a name, such as the input files.
public struct PositionalDefinition: Sendable, Hashable {
    /// Shown in usage and help, by convention in capitals: `INPUT`.
    public var name: String
    public var help: String
    /// Takes every remaining argument (`INPUT...`).
    public var isRepeated: Bool
    /// Absent → a usage error naming it.
    public var isRequired: Bool

    public init(name: String, help: String, isRepeated: Bool = false, isRequired: Bool = true) {
        self.name = name
        self.help = help
        self.isRepeated = isRepeated
        self.isRequired = isRequired
    }

    /// `INPUT`, `INPUT...`, `[INPUT]` or `[INPUT...]`.
    var usage: String {
        let base = isRepeated ? "\(name)..." : name
        return isRequired ? base : "[\(base)]"
    }
}
