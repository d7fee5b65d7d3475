#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SpeakNodeReport

/// The `--names` file: a JSON object mapping `test_id` to the name readers should see,
/// because SpeakNode identifies tests only by id.
///
/// ```json
/// { "22e96a18-23fe-4c06-8ee6-180390ceaded": "Books a table for two" }
/// ```
enum NamesFile {
    /// The names in the file at `path`; every way the file can be wrong is a failure that
    /// names the file.
    static func load(from path: String) throws(CommandFailure) -> [String: String] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CommandFailure("cannot read names file \(path): \(Self.reason(for: path))")
        }
        return try parse(data, path: path)
    }

    /// The names in `data`, read from `path`.
    static func parse(_ data: Data, path: String) throws(CommandFailure) -> [String: String] {
        let value: JSONValue
        do {
            value = try JSONParser().parse(Array(data))
        } catch {
            throw CommandFailure("names file \(path) is not valid JSON: \(error)")
        }
        guard case .object(let object) = value else {
            throw CommandFailure("names file \(path) must hold a JSON object of test_id → name, not \(value.typeDescription)")
        }
        var names: [String: String] = [:]
        for member in object.members {
            guard case .string(let name) = member.value else {
                throw CommandFailure(
                    "names file \(path): the name for \"\(member.key)\" must be a string, not \(member.value.typeDescription)")
            }
            names[member.key] = name
        }
        return names
    }

    private static func reason(for path: String) -> String {
        guard let kind = PathKind(path: path) else { return "no such file" }
        if kind == .folder { return "it is a directory" }
        return "permission denied or unreadable"
    }
}
