import Testing
@testable import SpeakNodeReport

/// ``PrettyJSONWriter`` writes numbers of at most 6 decimals digit by digit; these tests hold
/// it to the digits `Double.description` gives, as `JSONEncoder` writes them.
@Suite("Summary numbers")
struct SummaryNumberTests {
    /// What the writer writes for `value`.
    static func written(_ value: Double) throws -> String {
        var writer = PrettyJSONWriter()
        try writer.write(value)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// `description` without a whole number's `.0`, as `JSONEncoder` writes a number.
    static func described(_ value: Double) -> String {
        let text = value.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    @Test("every millionth below 0.2, both signs, as description writes it")
    func smallMillionths() throws {
        for millionths in 0..<200_000 {
            let value = Double(millionths) / 1_000_000
            #expect(try Self.written(value) == Self.described(value))
            #expect(try Self.written(-value) == Self.described(-value))
        }
    }

    @Test("random numbers of 6 decimals up to 2³², and rounded latencies, as description writes them")
    func randomMillionths() throws {
        var generator = SeededGenerator(seed: 12)
        for _ in 0..<100_000 {
            let large = Double(UInt64.random(in: 0..<4_294_967_296_000_000, using: &generator)) / 1_000_000
            let seconds = Double.random(in: 0..<60, using: &generator)
            for value in [large, seconds, seconds.rounded(toDecimals: 6), Double(Int.random(in: 0...100_000, using: &generator))] {
                #expect(try Self.written(value) == Self.described(value))
            }
        }
    }

    @Test("the edges of the digit-by-digit numbers: exponent forms, 2³², more than 6 decimals")
    func edges() throws {
        let values: [Double] = [
            0.0001, 0.0000999999, 0.00009, 0.000123, 4_294_967_295.999999, 4_294_967_296, 4_294_967_296.5, 1e15, 1e16,
            0.1234567, 1.0 / 3, 0.1 + 0.2, 1e-7, .leastNonzeroMagnitude, 0, -0.0, 1, -1, 12345.678901,
        ]
        for value in values {
            #expect(try Self.written(value) == Self.described(value), "\(value)")
        }
    }

    @Test("integers as String(_:) writes them")
    func integers() {
        for value in [0, 1, -1, 9, 10, 99, 100, 1_234_567, Int.max, Int.min] {
            var writer = PrettyJSONWriter()
            writer.write(value)
            #expect(String(decoding: writer.bytes, as: UTF8.self) == String(value))
        }
    }
}
