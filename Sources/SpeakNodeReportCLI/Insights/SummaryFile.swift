import SpeakNodeReport

/// Writes the JSON summary (`--json FILE`, `summary.json` under `--out`): the report's
/// ``SummaryDocument``, written atomically like the reports, or to standard output for `-`.
struct SummaryFile {
    /// A file path, or `-` for standard output.
    var path: String

    /// What the run summary says after writing.
    var writtenLine: String { "wrote JSON summary to \(path == "-" ? "standard output" : path)" }

    func write(_ report: Report, console: Console) throws(CommandFailure) {
        let text: String
        do {
            text = try SummaryDocument(report).jsonString()
        } catch {
            throw CommandFailure("cannot write the JSON summary: \(error)")
        }
        if path == "-" {
            do {
                try console.writeOutput(text)
            } catch {
                throw CommandFailure("cannot write the JSON summary to standard output: \(error)")
            }
        } else {
            try AtomicFileWriter().write(text, to: path)
        }
    }
}
