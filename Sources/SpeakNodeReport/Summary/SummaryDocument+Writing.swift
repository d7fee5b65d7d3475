// The members of each summary type in the order `.sortedKeys` gives, with the names their
// `CodingKeys` use; `nil` optionals are left out, as `Encodable`'s synthesized code does.
// Tests check the result against `JSONEncoder` for every type.

extension SummaryDocument {
    func write(to writer: inout PrettyJSONWriter) throws(PrettyJSONWriterError) {
        try write(to: &writer) { writer throws(PrettyJSONWriterError) in
            try writer.writeArray(runs) { writer, run throws(PrettyJSONWriterError) in try run.write(to: &writer) }
        }
    }

    /// The document with `writeRuns` writing the value of `runs`, which may be those of a
    /// report rather than the document's.
    func write(
        to writer: inout PrettyJSONWriter, runs writeRuns: (inout PrettyJSONWriter) throws(PrettyJSONWriterError) -> Void
    ) throws(PrettyJSONWriterError) {
        try writer.writeObject { writer throws(PrettyJSONWriterError) in
            writer.writeKey("budget")
            try writer.writeObject { writer throws(PrettyJSONWriterError) in
                for (metric, seconds) in PrettyJSONWriter.members(of: budget) {
                    writer.writeKey(metric)
                    try writer.write(seconds)
                }
            }
            writer.writeKey("counts")
            counts.write(to: &writer)
            try writer.write(duration, forKey: "duration")
            writer.writeKey("latency")
            try SummaryLatency.named(latency).write(to: &writer)
            writer.write(latencyGate, forKey: "latency_gate")
            writer.write(outcome, forKey: "outcome")
            try writer.write(passRate, forKey: "pass_rate")
            writer.writeKey("runs")
            try writeRuns(&writer)
            writer.write(schema, forKey: "schema")
            writer.write(slowTurns, forKey: "slow_turns")
        }
    }
}

extension SummaryDocument.Run {
    func write(to writer: inout PrettyJSONWriter) throws(PrettyJSONWriterError) {
        try Self.write(SummaryDocument.Figures(self), tests: tests, to: &writer) { writer, test throws(PrettyJSONWriterError) in
            try test.write(to: &writer)
        }
    }

    /// A run with `figures` whose `tests` each `writeTest` writes: a document's run, or a
    /// report's written without building one.
    static func write<Tests: Sequence>(
        _ figures: SummaryDocument.Figures, tests: Tests, to writer: inout PrettyJSONWriter,
        writeTest: (inout PrettyJSONWriter, Tests.Element) throws(PrettyJSONWriterError) -> Void
    ) throws(PrettyJSONWriterError) {
        try writer.writeObject { writer throws(PrettyJSONWriterError) in
            try figures.write(to: &writer)
            writer.writeKey("tests")
            try writer.writeArray(tests, writeTest)
        }
    }
}

extension SummaryDocument.Test {
    func write(to writer: inout PrettyJSONWriter) throws(PrettyJSONWriterError) {
        try Self.write(SummaryDocument.Figures(self), to: &writer)
    }

    /// A test with `figures`: a document's test, or a report's written without building one.
    static func write(_ figures: SummaryDocument.Figures, to writer: inout PrettyJSONWriter) throws(PrettyJSONWriterError) {
        try writer.writeObject { writer throws(PrettyJSONWriterError) in try figures.write(to: &writer) }
    }
}

extension SummaryCounts {
    func write(to writer: inout PrettyJSONWriter) {
        writer.writeObject { writer in
            writer.write(attempts, forKey: "attempts")
            writer.write(errors, forKey: "errors")
            writer.write(failed, forKey: "failed")
            writer.write(flaky, forKey: "flaky")
            writer.write(passed, forKey: "passed")
            writer.write(skipped, forKey: "skipped")
            writer.write(tests, forKey: "tests")
        }
    }
}

extension LatencyStatistics {
    func write(to writer: inout PrettyJSONWriter) throws(PrettyJSONWriterError) {
        try writer.writeObject { writer throws(PrettyJSONWriterError) in
            writer.write(count, forKey: "count")
            try writer.write(max, forKey: "max")
            try writer.write(p50, forKey: "p50")
            try writer.write(p90, forKey: "p90")
            try writer.write(p95, forKey: "p95")
        }
    }
}
