import SpeakNodeReport

/// Writes the JSON summary (`--json FILE`, `summary.json` under `--out`): the report's
/// ``SummaryDocument``, written atomically like the reports, or to standard output for `-`.
///
/// The summary is written while the reports render (``prepare(_:)``) and put in place as soon
/// as it is written (``prepareAndCommit(_:)``), or, for standard output, printed after them
/// (``finish(_:console:)``): for ten thousand conversations it is ten megabytes that are not
/// held in memory meanwhile.
struct SummaryFile {
    /// A file path, or `-` for standard output.
    var path: String

    /// What the run summary says after writing.
    var writtenLine: String { "wrote JSON summary to \(path == "-" ? "standard output" : path)" }

    /// The summary written but not yet in place.
    enum Prepared: Sendable {
        /// In a file that takes the summary's path when committed.
        case file(AtomicFile)
        /// The JSON for standard output, which gets it after the reports.
        case standardOutput([UInt8])
        /// Already at its path (``prepareAndCommit(_:)``).
        case committed
    }

    /// Writes the summary of `report`.
    func write(_ report: Report, console: Console) throws(CommandFailure) {
        try finish(prepare(report), console: console)
    }

    /// Encodes the summary document of `report` and writes it, piece by piece as it is
    /// encoded, into a file not yet at its path, or keeps it for standard output; the failure
    /// says why it could not. The JSON is written straight from the report
    /// (``SummaryDocument/writeJSON(of:pieceSize:to:)``): the document of ten thousand tests,
    /// a dictionary of latency statistics each, is never built.
    func prepare(_ report: Report) -> Result<Prepared, CommandFailure> {
        guard path != "-" else {
            return Result { () throws(CommandFailure) in
                .standardOutput(try Self.encoded { try SummaryDocument.jsonBytes(of: report) })
            }
        }
        return Result { () throws(CommandFailure) in
            let file = try AtomicFile(path: path)
            do throws(CommandFailure) {
                try Self.encoded { try SummaryDocument.writeJSON(of: report, to: file.write) }
            } catch {
                file.discard()
                throw error
            }
            return .file(file)
        }
    }

    /// ``prepare(_:)``, and a summary written to a file put in place at once: it does not wait
    /// for the reports, which take longer, to be committed after them.
    func prepareAndCommit(_ report: Report) -> Result<Prepared, CommandFailure> {
        let prepared = prepare(report)
        guard case .success(.file(let file)) = prepared else { return prepared }
        return Result { () throws(CommandFailure) in
            try file.commit()
            return .committed
        }
    }

    /// What `encode` gives, or its error as the command's failure.
    private static func encoded<Value>(_ encode: () throws -> Value) throws(CommandFailure) -> Value {
        do {
            return try encode()
        } catch {
            throw CommandFailure("cannot write the JSON summary: \(error)")
        }
    }

    /// Puts a summary made by ``prepare(_:)`` in place, or throws why it could not be written.
    func finish(_ prepared: Result<Prepared, CommandFailure>, console: Console) throws(CommandFailure) {
        switch try prepared.get() {
        case .file(let file):
            try file.commit()
        case .committed:
            break
        case .standardOutput(let json):
            do {
                try console.writeOutput(String(decoding: json, as: UTF8.self))
            } catch {
                throw CommandFailure("cannot write the JSON summary to standard output: \(error)")
            }
        }
    }
}
