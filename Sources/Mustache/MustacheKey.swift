import Foundation

/// A name a template looks up, numbered once when the template is parsed.
///
/// Every lookup of `{{name}}` used to hash the name's text, once per context it tried: a
/// report's template looks up names hundreds of thousands of times, and a computed object
/// finds its key in a dictionary of its own (see ``MustacheObject``). Equal names get the same
/// `number` in a process, so an object can find its key by that number in a
/// ``MustacheKeyTable``, an array, without hashing anything while rendering.
public struct MustacheKey: Sendable, Hashable {
    /// The name as written in the template (one component of a dotted name).
    public let name: String
    /// The same for every key of the same name in this process, and small: numbers are handed
    /// out in order from 0 as new names come.
    public let number: Int

    /// The key of `name`, numbered as every key of that name is.
    public init(_ name: String) {
        self.name = name
        self.number = KeyNumbers.shared.number(of: name)
    }

    public static func == (lhs: MustacheKey, rhs: MustacheKey) -> Bool {
        lhs.number == rhs.number
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(number)
    }
}

/// The numbers handed out to names, shared by every template and key table of the process.
///
/// Names are numbered only while parsing templates and building tables (a few hundred of
/// them), never while rendering, so one lock around a dictionary is enough.
private final class KeyNumbers: @unchecked Sendable {
    static let shared = KeyNumbers()

    private let lock = NSLock()
    /// Guarded by `lock`.
    private var numbers: [String: Int] = [:]

    func number(of name: String) -> Int {
        lock.withLock {
            if let number = numbers[name] { return number }
            let number = numbers.count
            numbers[name] = number
            return number
        }
    }
}
