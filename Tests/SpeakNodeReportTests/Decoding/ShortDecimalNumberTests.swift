import Testing
@testable import SpeakNodeReport

@Suite("ShortDecimalNumber")
struct ShortDecimalNumberTests {
    private func read(_ text: String) -> (value: Double, end: Int)? {
        Array(text.utf8).withUnsafeBufferPointer { ShortDecimalNumber.value(in: $0, from: 0) }
    }

    @Test("reads short decimals to the correctly rounded double, sign of zero included", arguments: [
        "0.387", "1.249", "3.14", "0.014", "-2.5", "0", "-0", "-0.0", "0.000", "42", "100", "0.007",
        "123456789012345", "99999.9999999999", "0.123456789012345", "-987654321.12345", "9007199254740.99",
    ])
    func readsLikeTheStandardLibrary(_ text: String) throws {
        let (value, end) = try #require(read(text))
        let expected = try #require(Double(text))
        #expect(value.bitPattern == expected.bitPattern)
        #expect(end == text.utf8.count)
    }

    @Test("agrees with the standard library on many random short decimals")
    func randomDecimals() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        for _ in 0..<20_000 {
            let integerDigits = Int(next() % 8), fractionDigits = Int(next() % 8)
            var text = next() % 4 == 0 ? "-" : ""
            text += integerDigits == 0 ? "0" : String(1 + next() % 9) + (1..<integerDigits).map { _ in String(next() % 10) }.joined()
            if fractionDigits > 0 { text += "." + (0..<fractionDigits).map { _ in String(next() % 10) }.joined() }
            let (value, _) = try #require(read(text), "\(text)")
            #expect(value.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
    }

    @Test("stops at the byte after the number")
    func end() throws {
        #expect(read("0.25,")?.end == 4)
        #expect(read("17}")?.end == 2)
        #expect(read("-1.5 ")?.end == 4)
    }

    @Test("leaves every other form to the full reader", arguments: [
        "01", "-01", "1e5", "1E5", "1.5e3", "1.", "1.e2", "-", "-x", ".5", "1234567890123456", "0.1234567890123456",
        "1.2.3", "", "x",
    ])
    func leavesTheRest(_ text: String) {
        #expect(read(text) == nil)
    }

    @Test("the full reader still reads and rejects what it left")
    func fullReaderAgrees() throws {
        let value = try JSONParser().parse(Array("[1e5, 1234567890123456, 0.1234567890123456, -0, 0.5]".utf8))
        #expect(value == .array([.number(1e5), .number(1_234_567_890_123_456), .number(0.1234567890123456), .number(-0.0), .number(0.5)]))
        for text in ["01", "1.", "-", "[1.e2]", "1.2.3"] {
            #expect(throws: JSONSyntaxError.self) { try JSONParser().parse(Array(text.utf8)) }
        }
    }
}
