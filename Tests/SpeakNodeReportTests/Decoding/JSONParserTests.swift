import Testing
@testable import SpeakNodeReport

@Suite("JSONParser")
struct JSONParserTests {
    private func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try JSONParser().parse(Array(text.utf8))
    }

    private func parseError(_ bytes: [UInt8]) -> JSONSyntaxError? {
        do {
            _ = try JSONParser().parse(bytes)
            return nil
        } catch {
            return error
        }
    }

    private func parseError(_ text: String) -> JSONSyntaxError? {
        parseError(Array(text.utf8))
    }

    // MARK: Accepted documents (in the spirit of JSONTestSuite's y_ cases)

    @Test("accepts every well-formed document", arguments: [
        "{}", "[]", "[[]]", "null", "true", "false", "0", "-0", "1", "-1", "1.5", "1e3", "1E+3", "1e-3",
        "-0.0e0", "123456789012345678901234567890", "\"\"", "\"a\"", " [1 , 2 ] ", "\t\n\r {\"a\" : [ ] }\n",
        "[\"\\u0000\"]", "[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"]", "{\"a\":{\"b\":{\"c\":[1,{\"d\":null}]}}}",
        "[1e22, 1e23, 5e-324, 1.7976931348623157e308]", "[\"€𝄞\"]", "\"\u{7F}\"",
    ])
    func acceptsWellFormed(_ text: String) throws {
        _ = try parse(text)
    }

    // MARK: Rejected documents (n_ cases)

    @Test("rejects what RFC 8259 rejects", arguments: [
        "", " ", "[1,]", "{\"a\":1,}", "[,1]", "[1 2]", "{\"a\" 1}", "{a:1}", "{'a':1}", "['a']",
        "01", "-01", "00", "1.", ".5", "+1", "1e", "1e+", "-", "--1", "0x10", "NaN", "-NaN", "Infinity",
        "-Infinity", "[1] // comment", "/* c */ 1", "[1]#", "tru", "nul", "True", "\"abc", "\"\\x\"",
        "\"\\u12\"", "\"\\u12G4\"", "\"a\tb\"", "\"a\nb\"", "\"\u{1F}\"", "[", "]", "{", "}", "[1", "{\"a\":",
        "{\"a\"}", "[1]]", "{}{}", "1 2", "\"a\" \"b\"", "{\"a\":1 \"b\":2}", "[\u{00A0}1]",
    ])
    func rejectsMalformed(_ text: String) {
        #expect(parseError(text) != nil, "should reject \(text.debugDescription)")
    }

    @Test("says what is wrong in words a user understands")
    func explainsCommonMistakes() throws {
        #expect(try #require(parseError("[1,2,]")).message == "trailing comma before ']'")
        #expect(try #require(parseError("{\"a\":1,}")).message == "trailing comma before '}'")
        #expect(try #require(parseError("[01]")).message == "leading zeros are not allowed in numbers")
        #expect(try #require(parseError("{'a':1}")).message.contains("single quotes"))
        #expect(try #require(parseError("[NaN]")).message == "NaN is not allowed in JSON")
        #expect(try #require(parseError("// x\n{}")).message == "comments are not allowed in JSON")
        #expect(try #require(parseError("\"a\u{1}\"")).message.contains("control character U+0001"))
        #expect(try #require(parseError("{\"a\":1 \"b\":2}")).message == "expected ',' or '}'")
    }

    @Test("errors carry the line and the column")
    func errorsAreLocated() throws {
        let error = try #require(parseError("{\n  \"a\": 1,\n  \"b\" 2\n}"))
        #expect(error.line == 3)
        #expect(error.column == 7)
        #expect(error.description == "invalid JSON at line 3, column 7: expected ':' after the key")
        #expect(error.describe(showingLine: false) == "invalid JSON at column 7: expected ':' after the key")
    }

    @Test("columns count characters, not bytes")
    func columnsCountCharacters() throws {
        let error = try #require(parseError("[\"été\" x]"))
        #expect(error.column == 8)
    }

    // MARK: Values

    @Test("reads values of every type")
    func readsValues() throws {
        let value = try parse(#"{"s":"x","n":-12.5e1,"t":true,"f":false,"z":null,"a":[1,"2"]}"#)
        guard case .object(let object) = value else {
            Issue.record("expected an object")
            return
        }
        #expect(object.members.map(\.key) == ["s", "n", "t", "f", "z", "a"])
        #expect(object["s"] == .string("x"))
        #expect(object["n"] == .number(-125))
        #expect(object["t"] == .bool(true))
        #expect(object["f"] == .bool(false))
        #expect(object["z"] == .null)
        #expect(object["a"] == .array([.number(1), .string("2")]))
        #expect(object["missing"] == nil)
    }

    @Test("the last of duplicated keys wins")
    func duplicatedKeys() throws {
        let value = try parse(#"{"a":1,"b":2,"a":3}"#)
        guard case .object(let object) = value else {
            Issue.record("expected an object")
            return
        }
        #expect(object["a"] == .number(3))
        #expect(object.members.map(\.key) == ["b", "a"])
    }

    @Test("duplicated keys in large objects also resolve to the last")
    func duplicatedKeysInLargeObjects() throws {
        let members = (0..<40).map { "\"k\($0 % 30)\":\($0)" }.joined(separator: ",")
        guard case .object(let object) = try parse("{\(members)}") else {
            Issue.record("expected an object")
            return
        }
        #expect(object.count == 30)
        #expect(object["k5"] == .number(35))
        #expect(object["k20"] == .number(20))
    }

    @Test("converts numbers exactly", arguments: [
        ("0.1", 0.1), ("1.7976931348623157e308", 1.7976931348623157e308), ("5e-324", Double.leastNonzeroMagnitude),
        ("123456789012345678", 123456789012345678.0), ("0.30000000000000004", 0.30000000000000004),
        ("-2.5E-3", -0.0025), ("1e400000000000", .nan), ("1e-400", 0),
    ])
    func convertsNumbers(_ text: String, _ expected: Double) throws {
        if expected.isNaN {
            #expect(parseError(text)?.message.hasPrefix("number too large") == true)
        } else {
            #expect(try parse(text) == .number(expected))
        }
    }

    @Test("a number too large for a Double is an error, not infinity")
    func hugeNumbers() throws {
        let error = try #require(parseError("[1, 2e308]"))
        #expect(error.message == "number too large: 2e308")
        #expect(error.column == 5)
        #expect(parseError("-" + String(repeating: "9", count: 400)) != nil)
    }

    // MARK: Strings and encodings

    @Test("decodes escapes, including surrogate pairs")
    func escapes() throws {
        #expect(try parse(#""\u00e9\u20AC\ud834\udd1e\n\"""#) == .string("é€𝄞\n\""))
        #expect(try parse(#""a\/b""#) == .string("a/b"))
        #expect(try parse(#""\u0000""#) == .string("\u{0}"))
    }

    @Test("a lone surrogate becomes U+FFFD instead of failing", arguments: [
        (#""\ud800""#, "\u{FFFD}"), (#""\udc00x""#, "\u{FFFD}x"), (#""\ud800\u0041""#, "\u{FFFD}A"),
        (#""\ud800\ud800\udc00""#, "\u{FFFD}𐀀"),
    ])
    func loneSurrogates(_ text: String, _ expected: String) throws {
        #expect(try parse(text) == .string(expected))
    }

    @Test("accepts a UTF-8 byte-order mark at the start only")
    func byteOrderMark() throws {
        #expect(try JSONParser().parse([0xEF, 0xBB, 0xBF] + Array("{\"a\":1}".utf8)) != .null)
        #expect(parseError(Array("[".utf8) + [0xEF, 0xBB, 0xBF] + Array("1]".utf8)) != nil)
    }

    @Test("rejects invalid UTF-8 clearly", arguments: [
        [0x22, 0xFF, 0x22], [0x22, 0xC0, 0xAF, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22],
        [0x22, 0xE2, 0x82, 0x22], [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], [0x22, 0x80, 0x22],
        [0x5B, 0xFF, 0x5D],
    ] as [[UInt8]])
    func invalidUTF8(_ bytes: [UInt8]) throws {
        let error = try #require(parseError(bytes))
        #expect(error.kind == .encoding)
        #expect(error.description.hasPrefix("invalid UTF-8 at line 1, column "))
    }

    @Test("rejects UTF-16 with a hint to convert", arguments: [
        [0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00], [0xFE, 0xFF, 0x00, 0x7B, 0x00, 0x7D],
        [0x7B, 0x00, 0x7D, 0x00], [0x00, 0x7B, 0x00, 0x7D],
    ] as [[UInt8]])
    func utf16(_ bytes: [UInt8]) throws {
        let error = try #require(parseError(bytes))
        #expect(error.description == "UTF-16 is not supported; convert to UTF-8")
    }

    // MARK: Depth

    @Test("nesting deeper than the limit is an error, never a crash", arguments: [10_000, 100_000])
    func deepNesting(_ depth: Int) throws {
        let arrays = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(try #require(parseError(arrays)).message == "nested deeper than 512 levels")
        let objects = String(repeating: "{\"a\":", count: depth) + "1" + String(repeating: "}", count: depth)
        #expect(try #require(parseError(objects)).message == "nested deeper than 512 levels")
    }

    @Test("nesting up to the limit is fine")
    func nestingAtTheLimit() throws {
        let text = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        _ = try parse(text)
        #expect(parseError("[" + text + "]") != nil)
    }

    @Test("a lower limit can be chosen")
    func customLimit() {
        #expect(throws: JSONSyntaxError.self) { try JSONParser(maximumDepth: 2).parse(Array("[[[1]]]".utf8)) }
    }

    // MARK: Documents

    @Test("a top-level array keeps the line on which each element starts")
    func topLevelArrayLines() throws {
        let text = "[\n  {\"a\": 1},\n\n  {\"b\":\n 2}, 3\n]"
        guard case .array(let elements) = try JSONParser().parseDocument(Array(text.utf8)) else {
            Issue.record("expected an array document")
            return
        }
        #expect(elements.map(\.line) == [2, 4, 5])
        #expect(elements[2].content == .success(.number(3)))
    }

    @Test("a number too large in one array element fails that element only")
    func overflowInOneElement() throws {
        let text = "[{\"a\":1},\n{\"a\":[1e999]},\n{\"a\":-1e999}, 2]"
        guard case .array(let elements) = try JSONParser().parseDocument(Array(text.utf8)) else {
            Issue.record("expected an array document")
            return
        }
        #expect(elements.count == 4)
        #expect(elements[0].content == .success(.object(JSONObject([.init(key: "a", value: .number(1))]))))
        guard case .failure(let error) = elements[1].content else {
            Issue.record("expected the second element to fail")
            return
        }
        #expect(error.description == "invalid JSON at line 2, column 7: number too large: 1e999")
        guard case .failure = elements[2].content else {
            Issue.record("expected the third element to fail")
            return
        }
        #expect(elements[3].content == .success(.number(2)))
        // Outside a top-level array the whole document fails.
        #expect(parseError("{\"a\":1e999}")?.message == "number too large: 1e999")
    }

    @Test("a document that is not an array is a single value")
    func singleDocument() throws {
        #expect(try JSONParser().parseDocument(Array(" {} ".utf8)) == .single(.object(JSONObject())))
        #expect(try JSONParser().parseDocument(Array("[]".utf8)) == .array([]))
        #expect(throws: JSONSyntaxError.self) { try JSONParser().parseDocument(Array("[1,]".utf8)) }
    }
}

@Suite("JSONParser encodings")
struct JSONParserEncodingTests {
    @Test("invalid UTF-8 at the very start still says where")
    func invalidUTF8AtStart() {
        #expect(throws: JSONSyntaxError(kind: .encoding, message: "invalid UTF-8", offset: 0, line: 1, column: 1)) {
            try JSONParser().parse([0xFF, 0x20])
        }
        #expect((try? JSONParser().parse([0xFF])) == nil)
    }
}
