import Foundation
import Testing
@testable import SpeakNodeReport

/// Strings are scanned eight bytes at a time through plain ASCII and made without a second
/// UTF-8 check; whatever the string, the result and the errors must be what a byte-by-byte
/// reading gives.
@Suite("String scanning")
struct StringScanningTests {
    private func parsedString(_ bytes: [UInt8]) throws -> String {
        let value = try JSONParser().parse([ASCIIByte.quote] + bytes + [ASCIIByte.quote])
        guard case .string(let text) = value else { throw JSONSyntaxError(kind: .syntax, message: "not a string", offset: 0, line: 1, column: 1) }
        return text
    }

    private func parseError(_ bytes: [UInt8]) -> JSONSyntaxError? {
        do {
            _ = try JSONParser().parse([ASCIIByte.quote] + bytes + [ASCIIByte.quote])
            return nil
        } catch {
            return error
        }
    }

    /// Pieces placed at every offset of strings up to 20 bytes long, across the eight-byte words.
    private static let pieces: [String] = ["é", "€", "𝄞", "\u{7F}", "~", " ", "\u{FEFF}", "e\u{301}"]

    @Test("a character at any offset of a plain string reads back exactly, with its characters counted right")
    func charactersAtEveryOffset() throws {
        for piece in Self.pieces {
            for before in 0...17 {
                for after in [0, 1, 7, 8, 9] {
                    let text = String(repeating: "a", count: before) + piece + String(repeating: "b", count: after)
                    let parsed = try parsedString(Array(text.utf8))
                    #expect(parsed == text)
                    #expect(parsed.count == text.count && parsed.unicodeScalars.count == text.unicodeScalars.count)
                    #expect(Array(parsed.utf16) == Array(text.utf16))
                    #expect(parsed.hashValue == text.hashValue)
                }
            }
        }
        let ascii = String(repeating: "plain ascii ", count: 10)
        let parsed = try parsedString(Array(ascii.utf8))
        #expect(parsed == ascii && parsed.count == ascii.utf8.count)
        #expect(try parsedString([]) == "")
    }

    @Test("a quote, backslash escape or control character is found at any offset")
    func specialBytesAtEveryOffset() throws {
        for before in 0...17 {
            let prefix = String(repeating: "x", count: before)
            #expect(try parsedString(Array((prefix + "\\\"y").utf8)) == prefix + "\"y")
            #expect(try parsedString(Array((prefix + "\\\\" + prefix).utf8)) == prefix + "\\" + prefix)
            #expect(try parsedString(Array((prefix + "é\\n").utf8)) == prefix + "é\n")
            let error = try #require(parseError(Array(prefix.utf8) + [0x1F] + Array("tail".utf8)))
            #expect(error.message == "control character U+001F in a string must be escaped")
            #expect(error.column == before + 2)
            // A quote inside ends the string: what follows is data after the value.
            #expect(parseError(Array(prefix.utf8) + [ASCIIByte.quote] + Array("rest".utf8)) != nil)
        }
    }

    @Test("invalid UTF-8 at any offset is reported where it is", arguments: [
        [0x80], [0xC0, 0xAF], [0xC3], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF],
    ] as [[UInt8]])
    func invalidUTF8AtEveryOffset(_ bad: [UInt8]) throws {
        for before in 0...17 {
            let error = try #require(parseError(Array(repeating: UInt8(ascii: "a"), count: before) + bad + Array("bc".utf8)))
            #expect(error.message == "invalid UTF-8")
            #expect(error.column == before + 2)
        }
    }

    @Test("after a run of characters that are not ASCII, whatever byte comes is handled as anywhere else")
    func afterRunsOfOtherCharacters() throws {
        // Runs of several multi-byte characters, stepped over in their own loop, then each kind of byte.
        for run in ["é", "مرحبا", "你好世界", "🙂👍🏽", "z̸̢͓a̴"] {
            for before in ["", "a", "abcdefgh "] {
                let start = Array((before + run).utf8)
                #expect(try parsedString(start) == before + run)
                #expect(try parsedString(start + Array("plain text after".utf8)) == before + run + "plain text after")
                #expect(try parsedString(start + Array("\\n".utf8) + Array(run.utf8)) == before + run + "\n" + run)
                #expect(try parsedString(start + Array("\\u00e9x".utf8)) == before + run + "éx")
                let control = try #require(parseError(start + [0x07] + Array("tail".utf8)))
                #expect(control.message == "control character U+0007 in a string must be escaped")
                #expect(control.column == before.count + run.unicodeScalars.count + 2)
                let invalid = try #require(parseError(start + [0xE4, 0xBD] + Array("x".utf8)))
                #expect(invalid.message == "invalid UTF-8")
                #expect(invalid.column == before.count + run.unicodeScalars.count + 2)
            }
        }
    }

    @Test("the eight-byte scan stops at exactly the byte a byte-by-byte scan stops at")
    func wordScanAgreesWithByteScan() {
        var generator = SystemRandomNumberGenerator()
        let interesting: [UInt8] = [0x00, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7E, 0x7F, 0x80, 0xC3, 0xFF]
        for _ in 0..<20_000 {
            let count = Int.random(in: 0...24, using: &generator)
            // Mostly plain letters, so that runs of every length end at every kind of byte.
            let bytes = (0..<count).map { _ in
                Int.random(in: 0..<4, using: &generator) == 0
                    ? interesting.randomElement(using: &generator) ?? 0 : UInt8.random(in: 0x61...0x7A, using: &generator)
            }
            let start = Int.random(in: 0...count, using: &generator)
            let expected = bytes[start...].firstIndex { !PlainStringRun.isPlain($0) } ?? count
            let found = bytes.withUnsafeBufferPointer { PlainStringRun.end(in: $0, from: start) }
            #expect(found == expected, "\(bytes) from \(start)")
        }
        for byte in UInt8.min...UInt8.max {
            let word = UInt64(byte) * 0x0101_0101_0101_0101
            #expect((PlainStringRun.specialBytes(in: word) != 0) == !PlainStringRun.isPlain(byte), "\(byte)")
        }
    }

    @Test("strings with escapes one after another each read back their own text, longer or shorter")
    func escapedStringsInARow() throws {
        let document = #"["a\nb", "a much longer line\twith a tab and \u00e9 and \ud834\udd1e", "\\", "x\"y", "", "\/end"]"#
        let value = try JSONParser().parse(Array(document.utf8))
        #expect(value == .array([
            .string("a\nb"), .string("a much longer line\twith a tab and é and 𝄞"), .string("\\"), .string("x\"y"),
            .string(""), .string("/end"),
        ]))
    }
}
