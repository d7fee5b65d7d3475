#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension LatencyBudget {
    /// Reads a `--budget` value such as `e2e=1.2,ttft=0.8` on top of ``default``.
    ///
    /// - Entries are `key=seconds` separated by commas; spaces around keys and values are ignored.
    /// - Keys (any case): `e2e`, `ttft`, `ttfb`, `eot` (or `end_of_turn`), `transcription`;
    ///   the payload's metric names (`e2e_latency`, …) are accepted too.
    /// - Seconds are a positive number, optionally ending in `s`; `ms` gives milliseconds
    ///   (`350ms`). `off` (or `none`) removes a metric's budget.
    /// - Metrics not named keep their default budget.
    public init(parsing text: String, defaults: LatencyBudget = .default) throws(BudgetParsingError) {
        var budget = defaults
        var seen: Set<LatencyMetric> = []
        let trimmed = text.trimmedOfWhitespace
        guard !trimmed.isEmpty else { throw .empty }
        for rawEntry in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            let entry = String(rawEntry).trimmedOfWhitespace
            guard !entry.isEmpty else { throw .emptyEntry }
            let parts = entry.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw .missingValue(entry: entry) }
            let key = String(parts[0]).trimmedOfWhitespace
            let valueText = String(parts[1]).trimmedOfWhitespace
            guard let metric = Self.metric(forKey: key) else { throw .unknownKey(key) }
            guard seen.insert(metric).inserted else { throw .duplicateKey(key) }
            switch Self.seconds(from: valueText) {
            case .seconds(let seconds): budget[metric] = seconds
            case .off: budget[metric] = nil
            case .invalid: throw .invalidValue(key: key, value: valueText)
            }
        }
        self = budget
    }

    /// The metric a `--budget` key names, in any case; `nil` for an unknown key.
    public static func metric(forKey key: String) -> LatencyMetric? {
        let lowered = key.lowercased()
        if lowered == "end_of_turn" { return .endOfTurnDelay }
        return LatencyMetric.allCases.first { $0.budgetKey == lowered || $0.payloadName == lowered }
    }

    /// The keys `--budget` accepts, for help and error messages.
    public static let acceptedKeys = ["e2e", "ttft", "ttfb", "eot", "end_of_turn", "transcription"]

    private enum ParsedValue { case seconds(Double), off, invalid }

    private static func seconds(from text: String) -> ParsedValue {
        let lowered = text.lowercased()
        if lowered == "off" || lowered == "none" { return .off }
        var number = Substring(lowered)
        var scale = 1.0
        if number.hasSuffix("ms") {
            number = number.dropLast(2)
            scale = 0.001
        } else if number.hasSuffix("s") {
            number = number.dropLast(1)
        }
        let digits = String(number).trimmedOfWhitespace
        // Only plain decimals: no signs, exponents, "inf" or "nan" that Double(_:) would accept.
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              let value = Double(digits), value.isFinite, value > 0
        else { return .invalid }
        return .seconds(value * scale)
    }
}

/// Why a `--budget` value could not be read; the description is a message for the user.
public enum BudgetParsingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The whole value was empty.
    case empty
    /// Two commas in a row, or a comma at either end.
    case emptyEntry
    /// An entry without `=`.
    case missingValue(entry: String)
    case unknownKey(String)
    /// The same metric named twice (also through an alias).
    case duplicateKey(String)
    /// A value that is not a positive number of seconds, milliseconds or `off`.
    case invalidValue(key: String, value: String)

    public var description: String {
        let keys = LatencyBudget.acceptedKeys.joined(separator: ", ")
        switch self {
        case .empty:
            return "empty latency budget: expected key=seconds pairs such as e2e=1.2,ttft=0.8"
        case .emptyEntry:
            return "empty entry in latency budget: separate key=seconds pairs with single commas, e.g. e2e=1.2,ttft=0.8"
        case .missingValue(let entry):
            return "latency budget entry \"\(entry)\" has no value: expected key=seconds, e.g. e2e=1.2"
        case .unknownKey(let key):
            return "unknown latency budget key \"\(key)\": expected one of \(keys)"
        case .duplicateKey(let key):
            return "latency budget for \"\(key)\" is given more than once"
        case .invalidValue(let key, let value):
            return "latency budget \(key)=\(value) is not a positive number of seconds (e.g. 1.2, 1.2s, 350ms) or off"
        }
    }
}
