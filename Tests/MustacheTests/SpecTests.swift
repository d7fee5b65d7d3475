import Foundation
import Mustache
import Testing

/// Runs the official Mustache spec test files in `../shared/mustache-spec` (relative to the
/// package root): every test case of the required modules, `~inheritance` and `~dynamic-names`.
@Suite("Mustache specification")
struct SpecTests {
    static let specDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // MustacheTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .deletingLastPathComponent()
        .appendingPathComponent("shared/mustache-spec")

    static let specFiles = [
        "comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance", "~dynamic-names",
    ]

    static var specsAvailable: Bool {
        FileManager.default.fileExists(atPath: specDirectory.appendingPathComponent("sections.json").path)
    }

    static let cases: [SpecCase] = specsAvailable ? loadCases() : []

    /// Every list rendered in turn, and every list of two items or more cut into one-item parts
    /// rendered concurrently: the text must be the same.
    static let listConcurrencies = [ListConcurrency.serial, ListConcurrency(minimumItems: 1, minimumItemsPerPart: 1)]

    @Test(
        "Spec case renders exactly as expected, its lists rendered in turn or in parts on several cores",
        .enabled(if: specsAvailable, "Mustache spec files not found in ../shared/mustache-spec; skipping spec tests"),
        arguments: cases, listConcurrencies
    )
    func specCase(_ specCase: SpecCase, concurrency: ListConcurrency) throws {
        let library = try TemplateLibrary(sources: specCase.partials)
        let template = try Template(specCase.template, name: specCase.description)
        let output = try template.render(specCase.data, partials: library, concurrency: concurrency)
        #expect(output == specCase.expected, "\(specCase.description): \(specCase.summary)")
    }

    @Test(
        "Every spec file loads",
        .enabled(if: specsAvailable, "Mustache spec files not found in ../shared/mustache-spec; skipping spec tests")
    )
    func everyFileLoads() {
        let files = Set(Self.cases.map(\.file))
        #expect(files == Set(Self.specFiles))
        #expect(Self.cases.count > 100)
    }

    private static func loadCases() -> [SpecCase] {
        var cases: [SpecCase] = []
        for file in specFiles {
            let url = specDirectory.appendingPathComponent("\(file).json")
            guard let data = try? Data(contentsOf: url),
                  let spec = try? JSONDecoder().decode(SpecFile.self, from: data)
            else {
                continue
            }
            for test in spec.tests {
                cases.append(SpecCase(
                    file: file, name: test.name, summary: test.desc, data: test.data.value,
                    template: test.template, partials: test.partials ?? [:], expected: test.expected
                ))
            }
        }
        return cases
    }
}

/// One test from a spec file.
struct SpecCase: Sendable, CustomTestStringConvertible, CustomStringConvertible {
    var file: String
    var name: String
    var summary: String
    var data: MustacheValue
    var template: String
    var partials: [String: String]
    var expected: String

    var description: String { "\(file): \(name)" }
    var testDescription: String { description }
}

private struct SpecFile: Decodable {
    struct Test: Decodable {
        var name: String
        var desc: String
        var data: JSONValue
        var template: String
        var partials: [String: String]?
        var expected: String
    }

    var tests: [Test]
}

/// Decodes any JSON into a `MustacheValue`, keeping integers and decimals apart.
struct JSONValue: Decodable {
    var value: MustacheValue

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            value = .null
        } else if let bool = try? container.decode(Bool.self) {
            value = .bool(bool)
        } else if let int = try? container.decode(Int.self) {
            value = .int(int)
        } else if let double = try? container.decode(Double.self) {
            value = .double(double)
        } else if let string = try? container.decode(String.self) {
            value = .string(string)
        } else if let list = try? container.decode([JSONValue].self) {
            value = .list(list.map(\.value))
        } else {
            value = .object(try container.decode([String: JSONValue].self).mapValues(\.value))
        }
    }
}
