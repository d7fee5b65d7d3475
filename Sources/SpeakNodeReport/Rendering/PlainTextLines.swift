import Mustache

/// Plain text written line by line, lines separated by `\n` and none after the last: what
/// `lines.joined(separator: "\n")` gives, without building each line as a string of its own
/// and copying it again to join.
///
/// JUnit's `<system-out>` holds a test's slow turns and transcript, hundreds of lines for a
/// long conversation and over 80 MB for 12,000 conversations, written in a dozen pieces a
/// line. The pieces go into UTF-8 bytes (``mustacheText``), which templates escape straight
/// into the output: appending to a `String` costs about twice as much per piece (it keeps its
/// ASCII flag and character count up to date), and a string made of the bytes would check
/// them all again as UTF-8.
struct PlainTextLines {
    /// The text so far, as templates take it.
    private(set) var mustacheText: MustacheText
    private var hasLines = false

    /// Lines expected to take about `capacity` bytes: room for them is made at once rather than
    /// by growing and copying the bytes several times.
    init(capacity: Int = 0) {
        mustacheText = MustacheText(capacity: capacity)
    }

    /// The text so far, as a string.
    var text: String { mustacheText.string }

    /// Starts a line; what is appended next goes on it.
    mutating func startLine() {
        if hasLines { mustacheText.append("\n" as Unicode.Scalar) }
        hasLines = true
    }

    /// Appends to the current line.
    @inline(__always)
    mutating func append(_ part: String) {
        mustacheText.append(part)
    }

    /// Appends a literal to the current line, with no string made of it.
    @inline(__always)
    mutating func append(literal: StaticString) {
        mustacheText.append(literal)
    }

    /// Appends bytes known to be valid UTF-8 (a decoded payload text's) to the current line.
    @inline(__always)
    mutating func append(validUTF8 part: UnsafeBufferPointer<UInt8>) {
        mustacheText.append(uncheckedUTF8: part)
    }

    /// Appends to the current line what `write` writes, at most `capacity` bytes: numbers,
    /// literals and short strings gathered on the stack, then appended at once. Appending
    /// each part on its own costs about a hundred instructions however short it is, and a
    /// number as a string of its own more again.
    mutating func append(upTo capacity: Int, _ write: (inout ASCIIText) -> Void) {
        ASCIIText.withBytes(capacity: capacity, write) { mustacheText.append(uncheckedUTF8: $0) }
    }

    /// Starts a line holding `line`.
    mutating func appendLine(_ line: String) {
        startLine()
        append(line)
    }
}
