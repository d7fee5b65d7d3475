extension SummaryDocument {
    /// The JSON of `SummaryDocument(report)`, byte for byte, written to `sink` in pieces of
    /// about `pieceSize` bytes without building the document: its runs and tests are written
    /// straight from the report's, so the summary of ten thousand tests costs no copy of their
    /// figures and no dictionary of latency statistics per test.
    ///
    /// Throws only for a number that is not finite (see ``jsonData()``); the sink has then had
    /// only part of the document.
    public static func writeJSON(of report: Report, pieceSize: Int = 1 << 16, to sink: ([UInt8]) -> Void) throws {
        try withoutActuallyEscaping(sink) { sink in
            var writer = PrettyJSONWriter(pieceSize: pieceSize, sink: sink)
            try write(report, to: &writer)
            writer.endDocument()
        }
    }

    /// ``writeJSON(of:pieceSize:to:)`` as one array of bytes, for standard output.
    public static func jsonBytes(of report: Report) throws -> [UInt8] {
        var writer = PrettyJSONWriter(capacity: 4096 + 1536 * report.runs.reduce(0) { $0 + $1.tests.count })
        try write(report, to: &writer)
        writer.endDocument()
        return writer.bytes
    }

    private static func write(_ report: Report, to writer: inout PrettyJSONWriter) throws(PrettyJSONWriterError) {
        try SummaryDocument(summarizing: report, runs: []).write(to: &writer) { writer throws(PrettyJSONWriterError) in
            try writer.writeArray(report.runs) { writer, run throws(PrettyJSONWriterError) in
                // By position, each test read where it is stored: going through the tests
                // themselves handed out a copy of each, retaining everything it holds.
                try Run.write(Figures(run), tests: run.tests.indices, to: &writer) { writer, index throws(PrettyJSONWriterError) in
                    try Test.write(Figures(run.tests[index]), to: &writer)
                }
            }
        }
    }
}
