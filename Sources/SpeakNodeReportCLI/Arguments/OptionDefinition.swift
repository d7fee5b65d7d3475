/// One `--name` a command accepts, declared once so parsing and `--help` always agree.
public struct OptionDefinition: Sendable, Hashable {
    /// What follows the option's name on the command line.
    public enum Kind: Sendable, Hashable {
        /// On or off: `--force`.
        case flag
        /// Takes a value: `--out DIR` or `--out=DIR`. When `allowedValues` is not empty, the
        /// value must be one of them. Given more than once, the last value counts.
        case value(valueName: String, allowedValues: [String], defaultValue: String?)
    }

    /// The long name without its dashes: `out` for `--out`.
    public var name: String
    /// A one-letter alias such as `h` for `-h`.
    public var shortName: Character?
    public var kind: Kind
    /// One or two sentences for `--help`.
    public var help: String

    public init(name: String, shortName: Character? = nil, kind: Kind, help: String) {
        self.name = name
        self.shortName = shortName
        self.kind = kind
        self.help = help
    }

    /// A switch that is on when present.
    public static func flag(_ name: String, short: Character? = nil, help: String) -> OptionDefinition {
        OptionDefinition(name: name, shortName: short, kind: .flag, help: help)
    }

    /// An option that takes a value, optionally restricted to `allowed` values.
    public static func value(
        _ name: String, short: Character? = nil, valueName: String, allowed: [String] = [],
        defaultValue: String? = nil, help: String
    ) -> OptionDefinition {
        OptionDefinition(
            name: name, shortName: short,
            kind: .value(valueName: valueName, allowedValues: allowed, defaultValue: defaultValue),
            help: help
        )
    }

    /// `--name`, as users type it.
    public var spelling: String { "--\(name)" }

    var takesValue: Bool {
        if case .value = kind { return true }
        return false
    }
}
