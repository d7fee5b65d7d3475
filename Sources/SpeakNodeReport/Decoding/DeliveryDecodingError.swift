/// Why a JSON value is not a delivery: the JSON path of the offending value and what is wrong,
/// as in `data.history[3].metrics.e2e_latency: expected a number, found a string`.
public struct DeliveryDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path from the delivery's top level to the offending value; empty for the top level.
    public var path: String
    /// What is wrong with the value, in one line.
    public var reason: String

    public init(path: String = "", reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `path: reason`, or only the reason for the top level.
    public var description: String { path.isEmpty ? reason : "\(path): \(reason)" }

    /// A value of the wrong JSON type.
    static func typeMismatch(expected: String, found value: JSONValue) -> DeliveryDecodingError {
        DeliveryDecodingError(reason: "expected \(expected), found \(value.typeDescription)")
    }

    /// The same error seen from the object that holds it under `key`.
    func under(key: String) -> DeliveryDecodingError {
        let joined: String
        if path.isEmpty {
            joined = key
        } else if path.hasPrefix("[") {
            joined = key + path
        } else {
            joined = key + "." + path
        }
        return DeliveryDecodingError(path: joined, reason: reason)
    }

    /// The same error seen from the array that holds it at `index`.
    func under(index: Int) -> DeliveryDecodingError {
        let joined: String
        if path.isEmpty || path.hasPrefix("[") {
            joined = "[\(index)]" + path
        } else {
            joined = "[\(index)]." + path
        }
        return DeliveryDecodingError(path: joined, reason: reason)
    }
}
