import SpeakNodeReport

/// Writes the JSON summary (`--json FILE`, `summary.json` under `--out`): the report's
/// ``SummaryDocument``, written atomically like the reports, or to standard output for `-`.
struct SummaryFile {
    /// A file path, or `-` for standard output.
    var path: String

    /// What the run summary says after writing.
    var writtenLine: String { "wrote JSON summary to \(path == "-" ? "standard output" : path)" }

    func write(_ report: Report, console: Console) throws(CommandFailure) {
        try write(Self.encode(report), console: console)
    }

    /// The summary document of `report` as JSON text, or why it could not be made.
    static func encode(_ report: Report) -> Result<String, CommandFailure> {
        do {
            return .success(try SummaryDocument(report).jsonString())
        } catch {
            return .failure(CommandFailure("cannot write the JSON summary: \(error)"))
        }
    }

    /// Writes text made by ``encode(_:)``.
    func write(_ encoded: Result<String, CommandFailure>, console: Console) throws(CommandFailure) {
        let text = try encoded.get()
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
