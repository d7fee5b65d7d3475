/// Plain text written line by line into one string, lines separated by `\n` and none after
/// the last: what `lines.joined(separator: "\n")` gives, without building each line as a
/// string of its own and copying it again to join.
///
/// JUnit's `<system-out>` holds a test's slow turns and transcript, hundreds of lines for a
/// long conversation and over 80 MB for 12,000 conversations, so its values are written this way.
struct PlainTextLines {
    /// The text so far. Parts of the current line may be written into it directly.
    var text = ""
    private var hasLines = false

    /// Starts a line; what is appended next goes on it.
    mutating func startLine() {
        if hasLines { text.append("\n") }
        hasLines = true
    }

    /// Appends to the current line.
    mutating func append(_ part: String) {
        text.append(part)
    }

    /// Starts a line holding `line`.
    mutating func appendLine(_ line: String) {
        startLine()
        text.append(line)
    }
}
