#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reading typed values out of `JSONValue`s the lenient way deliveries need: `null` is absent,
/// and a value of the wrong type is an error whose path the caller completes.
enum JSONFieldReading {
    static func string(_ value: JSONValue) throws(DeliveryDecodingError) -> String? {
        switch value {
        case .null: return nil
        case .string(let text): return text
        default: throw .typeMismatch(expected: "a string", found: value)
        }
    }

    static func number(_ value: JSONValue) throws(DeliveryDecodingError) -> Double? {
        switch value {
        case .null: return nil
        case .number(let number): return number
        default: throw .typeMismatch(expected: "a number", found: value)
        }
    }

    /// A duration measured by the pipeline, where `0` means "not measured" and so is `nil`.
    static func measurement(_ value: JSONValue) throws(DeliveryDecodingError) -> Double? {
        guard let number = try number(value), number != 0 else { return nil }
        return number
    }

    static func bool(_ value: JSONValue) throws(DeliveryDecodingError) -> Bool? {
        switch value {
        case .null: return nil
        case .bool(let flag): return flag
        default: throw .typeMismatch(expected: "a boolean", found: value)
        }
    }

    /// An ISO 8601 string or a number of seconds since 1970.
    static func date(_ value: JSONValue) throws(DeliveryDecodingError) -> Date? {
        switch value {
        case .null:
            return nil
        case .number(let seconds):
            return TimestampParser.date(fromEpochSeconds: seconds)
        case .string(let text):
            guard let date = TimestampParser.date(from: text) else {
                throw DeliveryDecodingError(reason: "not a timestamp: \(quoted(text))")
            }
            return date
        default:
            throw .typeMismatch(expected: "a timestamp (a string or a number)", found: value)
        }
    }

    /// An array of strings, skipping `null` elements; a single string counts as an array of one.
    static func strings(_ value: JSONValue) throws(DeliveryDecodingError) -> [String] {
        switch value {
        case .null:
            return []
        case .string(let text):
            return [text]
        case .array(let elements):
            var strings: [String] = []
            strings.reserveCapacity(elements.count)
            for (index, element) in elements.enumerated() {
                do throws(DeliveryDecodingError) {
                    if let text = try string(element) { strings.append(text) }
                } catch {
                    throw error.under(index: index)
                }
            }
            return strings
        default:
            throw .typeMismatch(expected: "an array of strings", found: value)
        }
    }

    /// A string, or an array of strings (lines) joined with newlines.
    static func text(_ value: JSONValue) throws(DeliveryDecodingError) -> String? {
        switch value {
        case .array:
            return try strings(value).joined(separator: "\n")
        case .null, .string:
            return try string(value)
        default:
            throw .typeMismatch(expected: "a string", found: value)
        }
    }

    static func object(_ value: JSONValue) throws(DeliveryDecodingError) -> JSONObject? {
        switch value {
        case .null: return nil
        case .object(let object): return object
        default: throw .typeMismatch(expected: "an object", found: value)
        }
    }

    /// An object of string values; numbers and booleans become their text, `null` values are absent.
    static func stringDictionary(_ value: JSONValue) throws(DeliveryDecodingError) -> [String: String] {
        guard let object = try object(value) else { return [:] }
        var dictionary: [String: String] = [:]
        dictionary.reserveCapacity(object.count)
        for member in object.members {
            switch member.value {
            case .null: continue
            case .string(let text): dictionary[member.key] = text
            case .bool(let flag): dictionary[member.key] = flag ? "true" : "false"
            case .number(let number): dictionary[member.key] = numberText(number)
            default:
                throw DeliveryDecodingError.typeMismatch(expected: "a string", found: member.value).under(key: member.key)
            }
        }
        return dictionary
    }

    /// A number as a person would write it: integers without a trailing `.0`.
    static func numberText(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 {
            return String(Int64(number))
        }
        return "\(number)"
    }

    /// Untrusted text shortened and quoted for an error message.
    static func quoted(_ text: String) -> String {
        let limit = 40
        let shown = text.count > limit ? String(text.prefix(limit)) + "…" : text
        let escaped = shown.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                return "\\u{\(String(scalar.value, radix: 16))}"
            default: return String(scalar)
            }
        }.joined()
        return "\"\(escaped)\""
    }
}
