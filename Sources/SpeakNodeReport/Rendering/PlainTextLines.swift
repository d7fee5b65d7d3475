/// Plain text written line by line, lines separated by `\n` and none after the last: what
/// `lines.joined(separator: "\n")` gives, without building each line as a string of its own
/// and copying it again to join.
///
/// JUnit's `<system-out>` holds a test's slow turns and transcript, hundreds of lines for a
/// long conversation and over 80 MB for 12,000 conversations, written in a dozen pieces a
/// line. The pieces go into UTF-8 bytes, which become one string at the end (``text``):
/// appending to a `String` costs about twice as much per piece (it keeps its ASCII flag and
/// character count up to date), and these pieces are mostly a few bytes long.
struct PlainTextLines {
    private var bytes: [UInt8] = []
    private var hasLines = false

    /// Lines expected to take about `capacity` bytes: room for them is made at once rather than
    /// by growing and copying the bytes several times.
    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// The text so far.
    var text: String {
        // Valid UTF-8: only whole strings are appended.
        String(decoding: bytes, as: UTF8.self)
    }

    /// Starts a line; what is appended next goes on it.
    mutating func startLine() {
        if hasLines { bytes.append(UInt8(ascii: "\n")) }
        hasLines = true
    }

    /// Appends to the current line.
    mutating func append(_ part: String) {
        // `withUTF8` lends a native string's bytes as they are (a copy of the string value, not
        // of its bytes, is what it may change).
        var part = part
        part.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Starts a line holding `line`.
    mutating func appendLine(_ line: String) {
        startLine()
        append(line)
    }
}
