/// Reads RFC 8259 JSON from UTF-8 bytes, strictly: no comments, trailing commas, single
/// quotes, leading zeros, `NaN`, or raw control characters in strings.
///
/// It works on bytes, builds `String`s straight from validated UTF-8 slices, and keeps its own
/// stack of open containers instead of recursing, so even absurdly deep input ends in an error
/// rather than a stack overflow. A UTF-8 byte-order mark is accepted at the start; a lone
/// surrogate escape (`"\ud800"`) becomes U+FFFD so one odd character never loses a delivery.
public struct JSONParser: Sendable {
    /// The nesting depth beyond which a document is rejected.
    public static let defaultMaximumDepth = 512

    /// How many arrays and objects may be open at once.
    public var maximumDepth: Int

    public init(maximumDepth: Int = JSONParser.defaultMaximumDepth) {
        self.maximumDepth = maximumDepth
    }

    /// Parses one complete JSON document; anything but whitespace after the value is an error.
    public func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        try withBuffer(bytes) { (buffer) throws(JSONSyntaxError) in try parse(buffer) }
    }

    /// Parses one complete JSON document; anything but whitespace after the value is an error.
    public func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        var scanner = try JSONScanner(document: bytes, maximumDepth: maximumDepth)
        let value = try scanner.parseValue()
        try scanner.expectEndOfDocument()
        return value
    }

    /// Parses one complete JSON document, and when it is an array, says on which line each
    /// element starts so each one can be reported on its own.
    public func parseDocument(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONDocument {
        try withBuffer(bytes) { (buffer) throws(JSONSyntaxError) in try parseDocument(buffer) }
    }

    /// Parses one complete JSON document, and when it is an array, says on which line each
    /// element starts so each one can be reported on its own.
    public func parseDocument(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONDocument {
        var scanner = try JSONScanner(document: bytes, maximumDepth: maximumDepth)
        guard scanner.peekSignificantByte() == ASCIIByte.openBracket else {
            let value = try scanner.parseValue()
            try scanner.expectEndOfDocument()
            return .single(value)
        }
        let elements = try scanner.parseTopLevelArrayElements()
        try scanner.expectEndOfDocument()
        return .array(elements)
    }

    private func withBuffer<T>(
        _ bytes: [UInt8],
        _ body: (UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> T
    ) throws(JSONSyntaxError) -> T {
        let result: Result<T, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(JSONSyntaxError) {
                return .success(try body(buffer))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}

/// A parsed JSON document, with the top-level array kept apart so its elements can be
/// reported one by one.
public enum JSONDocument: Sendable, Hashable {
    /// One element of a top-level array and the place where it starts.
    public struct Element: Sendable, Hashable {
        /// The element, or why this element alone cannot be read (a number too large for a
        /// `Double`), while its neighbours can.
        public var content: Result<JSONValue, JSONSyntaxError>
        /// The 1-based line on which the element starts.
        public var line: Int

        public init(content: Result<JSONValue, JSONSyntaxError>, line: Int) {
            self.content = content
            self.line = line
        }
    }

    /// A document whose top-level value is not an array.
    case single(JSONValue)
    /// A document whose top-level value is an array.
    case array([Element])
}
