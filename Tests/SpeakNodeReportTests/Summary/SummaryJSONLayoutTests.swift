import Foundation
import Testing
@testable import SpeakNodeReport

/// The summary is written by ``PrettyJSONWriter``, not `JSONEncoder`; these tests hold it to
/// exactly the bytes `JSONEncoder` gives, so a summary never changes with who wrote it.
@Suite("Summary JSON layout")
struct SummaryJSONLayoutTests {
    /// What `JSONEncoder` writes for `document`, with the final newline `jsonData()` adds.
    static func encoderBytes(_ document: SummaryDocument) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(document)
        data.append(0x0A)
        return data
    }

    @Test("the examples' summary is byte for byte what JSONEncoder writes",
          .enabled(if: ExampleInput.isAvailable, "needs the package's Examples/ folder"))
    func examples() throws {
        let (report, _) = ReportPipeline(names: try ExampleInput.names()).makeReport(from: [ExampleInput.deliveries])
        let document = SummaryDocument(report)
        #expect(!document.runs.isEmpty)
        #expect(try document.jsonData() == Self.encoderBytes(document))
    }

    @Test("written in pieces, the summary is the same bytes", arguments: [1, 4096])
    func pieces(pieceSize: Int) throws {
        let document = SummaryDocument(HostileCorpus.report(hostile: true))
        var pieces: [[UInt8]] = []
        try document.writeJSON(pieceSize: pieceSize) { pieces.append($0) }
        let whole = try document.jsonData()
        #expect(Data(pieces.joined()) == whole)
        #expect(pieces.allSatisfy { !$0.isEmpty })
        #expect(pieces.dropLast().allSatisfy { $0.count >= pieceSize })
    }

    @Test("a piece ends at the first member after it reached the size asked for")
    func pieceSizes() throws {
        let document = SummaryDocument(HostileCorpus.report(hostile: false))
        var sizes: [Int] = []
        try document.writeJSON(pieceSize: 4096) { sizes.append($0.count) }
        #expect(sizes.count > 2)
        // A member of this document (a key and a number or a short text) is under a kilobyte.
        #expect(sizes.dropLast().allSatisfy { (4096..<4096 + 1024).contains($0) }, "\(sizes)")
    }

    @Test("hostile text in ids and names is escaped as JSONEncoder escapes it")
    func hostileReport() throws {
        let document = SummaryDocument(HostileCorpus.report(hostile: true))
        #expect(try document.jsonData() == Self.encoderBytes(document))
    }

    @Test("every control character, quotes, backslashes, slashes and non-ASCII text")
    func strings() throws {
        let controls = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
        let names = [
            controls, #"say "hi" \ back\slash"#, "a/b </script>", "\u{7F}", "é 漢字 😀 \u{2028}\u{2029}",
            "", "\u{FEFF}bom", "\u{202E}rtl",
        ]
        let tests = names.enumerated().map { index, name in
            Self.test(id: "t\(index)\(name)", name: name)
        }
        let document = Self.document(runs: [Self.run(id: controls, name: names[1], tests: tests)])
        #expect(try document.jsonData() == Self.encoderBytes(document))
    }

    @Test("missing optionals are left out and empty objects and lists keep Foundation's layout")
    func emptyAndMissing() throws {
        let empty = SummaryDocument(
            outcome: nil, counts: Self.counts, duration: 0, passRate: nil, slowTurns: 0,
            latency: [:], budget: [:], latencyGate: nil, runs: [])
        #expect(try empty.jsonData() == Self.encoderBytes(empty))
        let emptyRun = Self.document(runs: [
            SummaryDocument.Run(
                id: "r", name: nil, outcome: nil, counts: Self.counts, duration: 0, passRate: nil,
                slowTurns: 0, latency: [:], tests: []),
        ])
        #expect(try emptyRun.jsonData() == Self.encoderBytes(emptyRun))
    }

    @Test("numbers: whole, fractional, negative, tiny, huge, and exponent forms")
    func numbers() throws {
        let values: [Double] = [
            0, -0.0, 1, -1, 0.5, 0.1, 1.0 / 3, 3.8499999999999996, 1e-7, 2.5e-5, 0.000123, 1e15, 1e16, 1e21,
            1.2345678901234568e17, 12345.678901, .leastNonzeroMagnitude, .greatestFiniteMagnitude, -.ulpOfOne,
        ]
        let statistics = Dictionary(uniqueKeysWithValues: values.enumerated().map { index, value in
            ("metric_\(index)", LatencyStatistics(count: index - 3, p50: value, p90: -value, p95: value / 7, max: value))
        })
        let document = SummaryDocument(
            outcome: "passed", counts: Self.counts, duration: 1e300, passRate: 1.0 / 3,
            slowTurns: Int.min, latency: statistics, budget: Dictionary(uniqueKeysWithValues: values.enumerated().map { ("b\($0)", $1) }),
            latencyGate: "p95", runs: [Self.run(id: "r", name: "n", tests: [Self.test(id: "t", name: "n")])])
        #expect(try document.jsonData() == Self.encoderBytes(document))
    }

    @Test("random documents, keys that sort by bytes (uppercase, underscore, non-ASCII)")
    func randomDocuments() throws {
        var generator = SeededGenerator(seed: 7)
        let alphabet = Array("aZ_0 é\"\\/\n\u{1}😀-")
        func text() -> String {
            String((0..<Int.random(in: 0...6, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? "a" })
        }
        func number() -> Double {
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: Double(Int.random(in: -1000...1000, using: &generator))
            case 1: Double.random(in: -1e6...1e6, using: &generator)
            default: Double(bitPattern: UInt64.random(in: 0...0x7FEF_FFFF_FFFF_FFFF, using: &generator))
            }
        }
        func latency() -> [String: LatencyStatistics] {
            Dictionary((0..<Int.random(in: 0...4, using: &generator)).map { _ in
                (text(), LatencyStatistics(count: Int.random(in: 0...99, using: &generator), p50: number(), p90: number(), p95: number(), max: number()))
            }, uniquingKeysWith: { first, _ in first })
        }
        for round in 0..<50 {
            let runs = (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                SummaryDocument.Run(
                    id: text(), name: Bool.random(using: &generator) ? text() : nil, outcome: Bool.random(using: &generator) ? text() : nil,
                    counts: Self.counts, duration: number(), passRate: Bool.random(using: &generator) ? number() : nil,
                    slowTurns: Int.random(in: 0...9, using: &generator), latency: latency(),
                    tests: (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                        SummaryDocument.Test(
                            id: text(), name: text(), outcome: text(), counts: Self.counts, duration: number(),
                            passRate: Bool.random(using: &generator) ? number() : nil,
                            slowTurns: Int.random(in: 0...9, using: &generator), latency: latency())
                    })
            }
            let document = SummaryDocument(
                outcome: Bool.random(using: &generator) ? text() : nil, counts: Self.counts, duration: number(),
                passRate: Bool.random(using: &generator) ? number() : nil, slowTurns: 3, latency: latency(),
                budget: Dictionary(uniqueKeysWithValues: latency().map { ($0.key, $0.value.max) }),
                latencyGate: Bool.random(using: &generator) ? "max" : nil, runs: runs)
            #expect(try document.jsonData() == Self.encoderBytes(document), "random document \(round)")
        }
    }

    @Test("a number JSON cannot hold is an error, as it is for JSONEncoder")
    func notFinite() {
        for value in [Double.infinity, -.infinity, .nan] {
            let document = Self.document(runs: [Self.run(id: "r", name: nil, tests: [Self.test(id: "t", name: "n", duration: value)])])
            #expect(throws: PrettyJSONWriterError.self) { try document.jsonData() }
            #expect(throws: (any Error).self) { try Self.encoderBytes(document) }
        }
    }

    // MARK: - Building documents

    static let counts = SummaryCounts(tests: 1, passed: 2, failed: 3, errors: 4, skipped: 5, flaky: 6, attempts: 7)

    static func test(id: String, name: String, duration: Double = 1.5) -> SummaryDocument.Test {
        SummaryDocument.Test(
            id: id, name: name, outcome: "failed", counts: counts, duration: duration, passRate: 0.5, slowTurns: 2,
            latency: ["e2e_latency": LatencyStatistics(count: 3, p50: 1.25, p90: 2, p95: 2.5, max: 3)])
    }

    static func run(id: String, name: String?, tests: [SummaryDocument.Test]) -> SummaryDocument.Run {
        SummaryDocument.Run(
            id: id, name: name, outcome: "failed", counts: counts, duration: 12.5, passRate: 0.25, slowTurns: 4,
            latency: ["tts_node_ttfb": LatencyStatistics(count: 1, p50: 0.3, p90: 0.3, p95: 0.3, max: 0.3)], tests: tests)
    }

    static func document(runs: [SummaryDocument.Run]) -> SummaryDocument {
        SummaryDocument(
            outcome: "error", counts: counts, duration: 99, passRate: 0.75, slowTurns: 9,
            latency: ["e2e_latency": LatencyStatistics(count: 2, p50: 1, p90: 1.5, p95: 1.75, max: 2)],
            budget: ["e2e_latency": 1.5, "end_of_turn_delay": 0.7], latencyGate: "max", runs: runs)
    }
}
