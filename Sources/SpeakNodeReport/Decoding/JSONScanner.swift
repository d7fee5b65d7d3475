/// The byte-level machinery behind ``JSONParser``: a cursor over UTF-8 bytes that reads one
/// value at a time with an explicit stack of open containers.
struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    private let maximumDepth: Int
    /// Where the document's text starts: after the byte-order mark, if any.
    let textStart: Int
    var position: Int
    /// Whether a number too large for a `Double` stops the reading; when not, it reads as
    /// infinity and `firstOverflow` keeps the error, so one element of an array can fail alone.
    private var overflowIsFatal = true
    private var firstOverflow: JSONSyntaxError?
    /// Where strings with escapes are unescaped, kept from one string to the next so that
    /// each does not allocate (and grow) an array of its own.
    private var unescapedBytes: [UInt8] = []

    /// Prepares to read a whole document, rejecting encodings other than UTF-8 up front.
    init(document bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) throws(JSONSyntaxError) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
        if let problem = JSONScanner.encodingProblem(in: bytes) { throw problem }
        textStart = JSONScanner.byteOrderMarkLength(of: bytes)
        position = textStart
    }

    /// The error for input that is evidently not UTF-8: a UTF-16 byte-order mark, or the NUL
    /// bytes that UTF-16 (or UTF-32) puts next to every ASCII character.
    static func encodingProblem(in bytes: UnsafeBufferPointer<UInt8>) -> JSONSyntaxError? {
        guard bytes.count >= 2 else { return nil }
        let first = bytes[0], second = bytes[1]
        let hasUTF16Mark = (first == 0xFE && second == 0xFF) || (first == 0xFF && second == 0xFE)
        guard hasUTF16Mark || first == 0 || second == 0 else { return nil }
        return JSONSyntaxError(
            kind: .unsupportedEncoding, message: "UTF-16 is not supported; convert to UTF-8",
            offset: 0, line: 1, column: 1)
    }

    /// 3 when the bytes start with the UTF-8 byte-order mark, else 0.
    static func byteOrderMarkLength(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    // MARK: Document level

    /// The next byte that is not whitespace, without consuming it.
    mutating func peekSignificantByte() -> UInt8? {
        skipWhitespace()
        return position < bytes.count ? bytes[position] : nil
    }

    mutating func expectEndOfDocument() throws(JSONSyntaxError) {
        skipWhitespace()
        guard position < bytes.count else { return }
        throw error("unexpected data after the JSON value (several values in one file are NDJSON)")
    }

    /// Reads a top-level array, returning each element with the line it starts on.
    mutating func parseTopLevelArrayElements() throws(JSONSyntaxError) -> [JSONDocument.Element] {
        skipWhitespace()
        position += 1  // the '[' the caller saw
        var elements: [JSONDocument.Element] = []
        var line = 1
        var lineCountedUpTo = textStart
        skipWhitespace()
        if position < bytes.count && bytes[position] == ASCIIByte.closeBracket {
            position += 1
            return elements
        }
        while true {
            skipWhitespace()
            for index in lineCountedUpTo..<position where bytes[index] == ASCIIByte.newline {
                line += 1
            }
            lineCountedUpTo = position
            // The top-level array itself is one level of nesting.
            overflowIsFatal = false
            firstOverflow = nil
            let value = try parseValue(depthAlreadyOpen: 1)
            overflowIsFatal = true
            if let overflow = firstOverflow {
                elements.append(JSONDocument.Element(content: .failure(overflow), line: line))
            } else {
                elements.append(JSONDocument.Element(content: .success(value), line: line))
            }
            skipWhitespace()
            guard position < bytes.count else { throw error("unexpected end of input; expected ',' or ']'") }
            switch bytes[position] {
            case ASCIIByte.comma:
                position += 1
                skipWhitespace()
                if position < bytes.count && bytes[position] == ASCIIByte.closeBracket {
                    throw error("trailing comma before ']'")
                }
            case ASCIIByte.closeBracket:
                position += 1
                return elements
            default:
                throw error("expected ',' or ']'")
            }
        }
    }

    // MARK: Values

    private enum Container {
        case array
        case object
    }

    /// Reads one value and everything nested in it, without recursion.
    mutating func parseValue(depthAlreadyOpen: Int = 0) throws(JSONSyntaxError) -> JSONValue {
        var containers: [Container] = []
        var arrays: [[JSONValue]] = []
        var objects: [[JSONObject.Member]] = []
        var keys: [String] = []

        nextValue: while true {
            skipWhitespace()
            guard position < bytes.count else { throw error("unexpected end of input; expected a value") }
            var value: JSONValue
            switch bytes[position] {
            case ASCIIByte.openBrace:
                try checkDepth(containers.count + depthAlreadyOpen + 1)
                position += 1
                skipWhitespace()
                if position < bytes.count && bytes[position] == ASCIIByte.closeBrace {
                    position += 1
                    value = .object(JSONObject())
                } else {
                    keys.append(try parseKeyAndColon(afterComma: false))
                    containers.append(.object)
                    objects.append([])
                    continue nextValue
                }
            case ASCIIByte.openBracket:
                try checkDepth(containers.count + depthAlreadyOpen + 1)
                position += 1
                skipWhitespace()
                if position < bytes.count && bytes[position] == ASCIIByte.closeBracket {
                    position += 1
                    value = .array([])
                } else {
                    containers.append(.array)
                    arrays.append([])
                    continue nextValue
                }
            case ASCIIByte.quote:
                value = .string(try parseString())
            case ASCIIByte.minus, ASCIIByte.zero...ASCIIByte.nine:
                value = .number(try parseNumber())
            case UInt8(ascii: "t"):
                try expectLiteral("true")
                value = .bool(true)
            case UInt8(ascii: "f"):
                try expectLiteral("false")
                value = .bool(false)
            case UInt8(ascii: "n"):
                try expectLiteral("null")
                value = .null
            default:
                throw unexpectedValueStart()
            }

            // Hand the finished value to the containers it closes, innermost first.
            while let container = containers.last {
                skipWhitespace()
                guard position < bytes.count else {
                    throw error("unexpected end of input; expected ',' or '\(container == .array ? "]" : "}")'")
                }
                let byte = bytes[position]
                switch container {
                case .array:
                    arrays[arrays.count - 1].append(value)
                    if byte == ASCIIByte.comma {
                        position += 1
                        skipWhitespace()
                        if position < bytes.count && bytes[position] == ASCIIByte.closeBracket {
                            throw error("trailing comma before ']'")
                        }
                        continue nextValue
                    }
                    guard byte == ASCIIByte.closeBracket else { throw error("expected ',' or ']'") }
                    position += 1
                    containers.removeLast()
                    value = .array(arrays.removeLast())
                case .object:
                    objects[objects.count - 1].append(JSONObject.Member(key: keys.removeLast(), value: value))
                    if byte == ASCIIByte.comma {
                        position += 1
                        keys.append(try parseKeyAndColon(afterComma: true))
                        continue nextValue
                    }
                    guard byte == ASCIIByte.closeBrace else { throw error("expected ',' or '}'") }
                    position += 1
                    containers.removeLast()
                    value = .object(JSONObject(objects.removeLast()))
                }
            }
            return value
        }
    }

    func checkDepth(_ depth: Int) throws(JSONSyntaxError) {
        if depth > maximumDepth {
            throw error("nested deeper than \(maximumDepth) levels")
        }
    }

    private mutating func parseKeyAndColon(afterComma: Bool) throws(JSONSyntaxError) -> String {
        skipWhitespace()
        guard position < bytes.count else { throw error("unexpected end of input; expected a string key") }
        switch bytes[position] {
        case ASCIIByte.quote:
            break
        case ASCIIByte.closeBrace where afterComma:
            throw error("trailing comma before '}'")
        case ASCIIByte.apostrophe:
            throw error("single quotes are not allowed; use '\"'")
        case ASCIIByte.slash:
            throw error("comments are not allowed in JSON")
        default:
            throw error("expected a string key in double quotes")
        }
        let key = try parseString()
        skipWhitespace()
        guard position < bytes.count, bytes[position] == ASCIIByte.colon else { throw error("expected ':' after the key") }
        position += 1
        return key
    }

    private func unexpectedValueStart() -> JSONSyntaxError {
        let byte = bytes[position]
        switch byte {
        case ASCIIByte.apostrophe: return error("single quotes are not allowed; use '\"'")
        case ASCIIByte.slash: return error("comments are not allowed in JSON")
        case ASCIIByte.plus: return error("a number cannot start with '+'")
        case ASCIIByte.period: return error("a number must start with a digit")
        case UInt8(ascii: "N"): return error("NaN is not allowed in JSON")
        case UInt8(ascii: "I"): return error("Infinity is not allowed in JSON")
        case ASCIIByte.closeBracket, ASCIIByte.closeBrace, ASCIIByte.comma: return error("expected a value, found \(ASCIIByte.describe(byte))")
        default:
            if byte >= 0x80 {
                if let scalarLength = utf8SequenceLength(at: position) {
                    let scalar = String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<position + scalarLength]), as: UTF8.self)
                    return error("unexpected character '\(scalar)'")
                }
                return encodingError("invalid UTF-8")
            }
            return error("expected a value, found \(ASCIIByte.describe(byte))")
        }
    }

    /// Consumes `literal` (`true`, `false` or `null`), which must come next. Inlined, so that
    /// the comparison is with the literal's few bytes as constants: every `interrupted` and
    /// every `null` of a delivery comes through here.
    @inline(__always)
    mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let count = literal.utf8CodeUnitCount
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        guard position + count <= bytes.count else { throw missingLiteral(literal) }
        for index in 0..<count where bytes[position + index] != expected[index] {
            throw missingLiteral(literal)
        }
        position += count
    }

    @inline(never)
    private func missingLiteral(_ literal: StaticString) -> JSONSyntaxError {
        error("expected '\(literal)'")
    }

    // MARK: Strings

    /// Reads a string starting at its opening quote.
    mutating func parseString() throws(JSONSyntaxError) -> String {
        try parseString(sharing: nil)
    }

    /// Reads a string starting at its opening quote; text that `repeated` has made a string
    /// for before comes back as that same string.
    ///
    /// Every character is checked on the way (``advanceOverUnescapedCharacters()``) and escapes
    /// only ever write whole, valid characters, so the string is made without checking its
    /// bytes a second time, with or without escapes.
    mutating func parseString(sharing repeated: RepeatedStrings?) throws(JSONSyntaxError) -> String {
        try withParsedString { bytes, isASCII in
            if let repeated { return repeated.string(alreadyValidatedUTF8: bytes, isASCII: isASCII) }
            return String(alreadyValidatedUTF8: bytes, isASCII: isASCII)
        }
    }

    /// Reads a string starting at its opening quote and lends `body` its text as UTF-8 bytes,
    /// checked to be valid, with whether they are all ASCII. The bytes are the input's own when
    /// the string has no escapes.
    mutating func withParsedString<Result>(
        _ body: (UnsafeBufferPointer<UInt8>, _ isASCII: Bool) -> Result
    ) throws(JSONSyntaxError) -> Result {
        let openingQuote = position
        position += 1
        let start = position
        // Fast path: no escapes, so the string is a slice of the input.
        var isASCII = try advanceOverUnescapedCharacters()
        guard position < bytes.count else { throw error("unterminated string", at: openingQuote) }
        if bytes[position] == ASCIIByte.quote {
            let text = body(UnsafeBufferPointer(rebasing: bytes[start..<position]), isASCII)
            position += 1
            return text
        }

        // Taken out of `self` while in use, so that appending to it never copies it.
        var unescaped: [UInt8] = []
        swap(&unescaped, &unescapedBytes)
        unescaped.removeAll(keepingCapacity: true)
        unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            if byte == ASCIIByte.quote {
                position += 1
                let result = unescaped.withUnsafeBufferPointer { body($0, isASCII) }
                unescapedBytes = unescaped
                return result
            }
            if byte == ASCIIByte.backslash {
                if try !appendEscape(to: &unescaped) { isASCII = false }
            } else {
                // The characters up to the next escape or the end, copied at once.
                let from = position
                if try !advanceOverUnescapedCharacters() { isASCII = false }
                unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from..<position]))
            }
        }
        throw error("unterminated string", at: openingQuote)
    }

    /// Steps over the characters of a string up to its next quote or backslash (or the end of
    /// the input), checking each is allowed and valid UTF-8: plain ASCII runs several bytes at
    /// a time, everything else one character at a time. Returns whether they were all ASCII.
    ///
    /// Characters that are not plain ASCII usually come several in a row (a word of Arabic,
    /// an emoji with its modifier), so they are stepped over in a loop of their own, which only
    /// goes back to looking for a plain run when a plain byte comes. Every key and value
    /// string starts here, so it is inlined into its few callers, as it was before it grew
    /// that second loop.
    @discardableResult @inline(__always)
    mutating func advanceOverUnescapedCharacters() throws(JSONSyntaxError) -> Bool {
        var isASCII = true
        while true {
            position = PlainStringRun.end(in: bytes, from: position)
            while true {
                guard position < bytes.count else { return isASCII }
                let byte = bytes[position]
                if byte >= 0x80 {
                    guard let length = utf8SequenceLength(at: position) else { throw encodingError("invalid UTF-8") }
                    isASCII = false
                    position += length
                } else if byte == ASCIIByte.quote || byte == ASCIIByte.backslash {
                    return isASCII
                } else if byte < 0x20 {
                    throw unescapedControlCharacter(byte)
                } else {
                    break  // plain again: back to the run
                }
            }
        }
    }

    /// The error for a control character written as it is in a string, at `position`.
    private func unescapedControlCharacter(_ byte: UInt8) -> JSONSyntaxError {
        let hex = String(byte, radix: 16, uppercase: true)
        return error("control character U+\(String(repeating: "0", count: 4 - hex.count))\(hex) in a string must be escaped")
    }

    /// The length of the valid UTF-8 sequence at `index`, or `nil` when it is not valid UTF-8
    /// (overlong forms, encoded surrogates and values above U+10FFFF are not).
    private func utf8SequenceLength(at index: Int) -> Int? {
        let lead = bytes[index]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: return nil
        }
        guard index + length <= bytes.count, secondRange.contains(bytes[index + 1]) else { return nil }
        for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 {
            return nil
        }
        return length
    }

    /// Appends the character an escape stands for, returning whether it is ASCII.
    private mutating func appendEscape(to output: inout [UInt8]) throws(JSONSyntaxError) -> Bool {
        position += 1  // the backslash
        guard position < bytes.count else { throw error("unterminated string") }
        let byte = bytes[position]
        position += 1
        switch byte {
        case ASCIIByte.quote, ASCIIByte.backslash, ASCIIByte.slash: output.append(byte)
        case UInt8(ascii: "b"): output.append(0x08)
        case UInt8(ascii: "f"): output.append(0x0C)
        case UInt8(ascii: "n"): output.append(ASCIIByte.newline)
        case UInt8(ascii: "r"): output.append(ASCIIByte.carriageReturn)
        case UInt8(ascii: "t"): output.append(ASCIIByte.tab)
        case UInt8(ascii: "u"):
            let unit = try parseHexQuad()
            var scalarValue = UInt32(unit)
            if (0xD800...0xDBFF).contains(unit) {
                // A high surrogate only makes a character together with a following low one.
                if let low = peekLowSurrogateEscape() {
                    position += 6
                    scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                } else {
                    scalarValue = 0xFFFD
                }
            } else if (0xDC00...0xDFFF).contains(unit) {
                scalarValue = 0xFFFD
            }
            let scalar = Unicode.Scalar(scalarValue) ?? "\u{FFFD}"
            UTF8.encode(scalar) { output.append($0) }
            return scalar.isASCII
        default:
            position -= 1
            throw error("invalid escape '\\\(Character(Unicode.Scalar(byte)))'")
        }
        return true
    }

    private mutating func parseHexQuad() throws(JSONSyntaxError) -> UInt16 {
        guard position + 4 <= bytes.count, let value = hexQuad(at: position) else {
            throw error("expected four hexadecimal digits after '\\u'")
        }
        position += 4
        return value
    }

    private func peekLowSurrogateEscape() -> UInt16? {
        guard position + 6 <= bytes.count,
              bytes[position] == ASCIIByte.backslash, bytes[position + 1] == UInt8(ascii: "u"),
              let unit = hexQuad(at: position + 2), (0xDC00...0xDFFF).contains(unit)
        else { return nil }
        return unit
    }

    private func hexQuad(at index: Int) -> UInt16? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt16 = 0
        for offset in 0..<4 {
            let byte = bytes[index + offset]
            let digit: UInt8
            switch byte {
            case ASCIIByte.zero...ASCIIByte.nine: digit = byte - ASCIIByte.zero
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    // MARK: Numbers

    /// Reads a number, checking the RFC 8259 grammar and converting it exactly when it can.
    /// The common short forms take a quicker road to the same value (``ShortDecimalNumber``).
    mutating func parseNumber() throws(JSONSyntaxError) -> Double {
        if let (value, end) = ShortDecimalNumber.value(in: bytes, from: position) {
            position = end
            return value
        }
        let start = position
        var scan = DecimalScan()
        if bytes[position] == ASCIIByte.minus {
            scan.isNegative = true
            position += 1
        }
        guard position < bytes.count, ASCIIByte.isDigit(bytes[position]) else {
            throw error("expected a digit in the number")
        }
        if bytes[position] == ASCIIByte.zero {
            position += 1
            if position < bytes.count && ASCIIByte.isDigit(bytes[position]) {
                throw error("leading zeros are not allowed in numbers", at: position - 1)
            }
        } else {
            while position < bytes.count && ASCIIByte.isDigit(bytes[position]) {
                scan.addDigit(bytes[position] - ASCIIByte.zero, isFraction: false)
                position += 1
            }
        }
        if position < bytes.count && bytes[position] == ASCIIByte.period {
            position += 1
            guard position < bytes.count, ASCIIByte.isDigit(bytes[position]) else {
                throw error("expected a digit after '.'")
            }
            while position < bytes.count && ASCIIByte.isDigit(bytes[position]) {
                scan.addDigit(bytes[position] - ASCIIByte.zero, isFraction: true)
                position += 1
            }
        }
        if position < bytes.count && (bytes[position] | 0x20) == UInt8(ascii: "e") {
            position += 1
            var exponentIsNegative = false
            if position < bytes.count && (bytes[position] == ASCIIByte.plus || bytes[position] == ASCIIByte.minus) {
                exponentIsNegative = bytes[position] == ASCIIByte.minus
                position += 1
            }
            guard position < bytes.count, ASCIIByte.isDigit(bytes[position]) else {
                throw error("expected a digit in the exponent")
            }
            var exponent = 0
            while position < bytes.count && ASCIIByte.isDigit(bytes[position]) {
                if exponent < 100_000 { exponent = exponent * 10 + Int(bytes[position] - ASCIIByte.zero) }
                position += 1
            }
            scan.exponent += exponentIsNegative ? -exponent : exponent
        }
        if let exact = scan.exactValue { return exact }

        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        if let value = Double(text), value.isFinite { return value }
        let overflow = error("number too large: \(text.count > 40 ? String(text.prefix(40)) + "…" : text)", at: start)
        if overflowIsFatal { throw overflow }
        if firstOverflow == nil { firstOverflow = overflow }
        return scan.isNegative ? -.infinity : .infinity
    }

    // MARK: Positions

    mutating func skipWhitespace() {
        while position < bytes.count && ASCIIByte.isWhitespace(bytes[position]) {
            position += 1
        }
    }

    private func error(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
        located(JSONSyntaxError(kind: .syntax, message: message, offset: offset ?? position, line: 1, column: 1))
    }

    private func encodingError(_ message: String) -> JSONSyntaxError {
        located(JSONSyntaxError(kind: .encoding, message: message, offset: position, line: 1, column: 1))
    }

    /// Fills in the line and column of the error's offset; only ever done once, on failure.
    private func located(_ error: JSONSyntaxError) -> JSONSyntaxError {
        var error = error
        let offset = min(max(error.offset, textStart), bytes.count)
        var line = 1
        var lineStart = textStart
        for index in textStart..<offset where bytes[index] == ASCIIByte.newline {
            line += 1
            lineStart = index + 1
        }
        var column = 1
        for index in lineStart..<offset where bytes[index] & 0xC0 != 0x80 {
            column += 1
        }
        error.line = line
        error.column = column
        return error
    }
}

/// The digits of a decimal number, gathered so that the common short numbers convert
/// exactly without going through text (one correctly rounded multiply or divide).
private struct DecimalScan {
    var isNegative = false
    var significand: UInt64 = 0
    var significantDigits = 0
    /// The power of ten to scale `significand` by.
    var exponent = 0

    mutating func addDigit(_ digit: UInt8, isFraction: Bool) {
        if isFraction { exponent -= 1 }
        if significantDigits == 0 && digit == 0 { return }
        significantDigits += 1
        if significantDigits <= 19 {
            significand = significand &* 10 &+ UInt64(digit)
        }
    }

    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The value when both the significand and the power of ten are exact doubles, else `nil`.
    var exactValue: Double? {
        if significantDigits == 0 { return isNegative ? -0.0 : 0.0 }
        guard significantDigits <= 15, exponent >= -22, exponent <= 22 else { return nil }
        let magnitude = exponent >= 0
            ? Double(significand) * DecimalScan.powersOfTen[exponent]
            : Double(significand) / DecimalScan.powersOfTen[-exponent]
        return isNegative ? -magnitude : magnitude
    }
}
