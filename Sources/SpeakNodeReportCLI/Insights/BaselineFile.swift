#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SpeakNodeReport

/// The `--baseline` file: a `summary.json` an earlier `render` wrote. Every way it can be
/// wrong is a failure that names the file and says what to do, before any input is read.
enum BaselineFile {
    static func load(from path: String) throws(CommandFailure) -> SummaryDocument {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CommandFailure("cannot read baseline \(path): \(reason(for: path))")
        }
        return try parse(data, path: path)
    }

    static func parse(_ data: Data, path: String) throws(CommandFailure) -> SummaryDocument {
        let value: JSONValue
        do {
            value = try JSONParser().parse(Array(data))
        } catch {
            throw CommandFailure("baseline \(path) is not valid JSON: \(error)")
        }
        guard case .object(let object) = value else {
            throw CommandFailure("baseline \(path) must be a summary.json written by speaknode-report (a JSON object), not \(value.typeDescription)")
        }
        guard object.members.contains(where: { $0.key == "schema" }) else {
            throw CommandFailure("baseline \(path) is not a summary.json written by speaknode-report: it has no \"schema\"")
        }
        do {
            return try SummaryDocument(jsonData: data)
        } catch let error as SummaryDocumentError {
            throw CommandFailure("baseline \(path): \(error)")
        } catch let error as DecodingError {
            throw CommandFailure("baseline \(path) is not a summary.json written by speaknode-report: \(describe(error))")
        } catch {
            throw CommandFailure("baseline \(path) cannot be read: \(error)")
        }
    }

    /// Where the document went wrong, e.g. `runs[0].tests[2]: no "outcome"`.
    static func describe(_ error: DecodingError) -> String {
        func place(_ path: [any CodingKey]) -> String {
            var text = ""
            for key in path {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
                }
            }
            return text.isEmpty ? "the document" : text
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(place(context.codingPath)): no \"\(key.stringValue)\""
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(place(context.codingPath)): wrong type of value"
        case .dataCorrupted(let context):
            return "\(place(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    private static func reason(for path: String) -> String {
        guard let kind = PathKind(path: path) else { return "no such file" }
        if kind == .folder { return "it is a directory" }
        return "permission denied or unreadable"
    }
}
