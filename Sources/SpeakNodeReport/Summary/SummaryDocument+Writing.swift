// The members of each summary type in the order `.sortedKeys` gives, with the names their
// `CodingKeys` use; `nil` optionals are left out, as `Encodable`'s synthesized code does.
// Tests check the result against `JSONEncoder` for every type.

extension SummaryDocument {
    func write(to writer: inout PrettyJSONWriter) throws(PrettyJSONWriterError) {
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
            try LatencyStatistics.write(latency, to: &writer)
            writer.write(latencyGate, forKey: "latency_gate")
            writer.write(outcome, forKey: "outcome")
            try writer.write(passRate, forKey: "pass_rate")
            writer.writeKey("runs")
            try writer.writeArray(runs) { writer, run throws(PrettyJSONWriterError) in try run.write(to: &writer) }
            writer.write(schema, forKey: "schema")
            writer.write(slowTurns, forKey: "slow_turns")
        }
    }
}

extension SummaryDocument.Run {
    func write(to writer: inout PrettyJSONWriter) throws(PrettyJSONWriterError) {
        try writer.writeObject { writer throws(PrettyJSONWriterError) in
            try SummaryDocument.writeFigures(
                counts: counts, duration: duration, id: id, latency: latency, name: name, outcome: outcome,
                passRate: passRate, slowTurns: slowTurns, to: &writer)
            writer.writeKey("tests")
            try writer.writeArray(tests) { writer, test throws(PrettyJSONWriterError) in try test.write(to: &writer) }
        }
    }
}

extension SummaryDocument.Test {
    func write(to writer: inout PrettyJSONWriter) throws(PrettyJSONWriterError) {
        try writer.writeObject { writer throws(PrettyJSONWriterError) in
            try SummaryDocument.writeFigures(
                counts: counts, duration: duration, id: id, latency: latency, name: name, outcome: outcome,
                passRate: passRate, slowTurns: slowTurns, to: &writer)
        }
    }
}

extension SummaryDocument {
    /// The members a run and a test share, `counts` to `slow_turns`, in key order.
    fileprivate static func writeFigures(
        counts: SummaryCounts, duration: Double, id: String, latency: [String: LatencyStatistics], name: String?,
        outcome: String?, passRate: Double?, slowTurns: Int, to writer: inout PrettyJSONWriter
    ) throws(PrettyJSONWriterError) {
        writer.writeKey("counts")
        counts.write(to: &writer)
        try writer.write(duration, forKey: "duration")
        writer.write(id, forKey: "id")
        writer.writeKey("latency")
        try LatencyStatistics.write(latency, to: &writer)
        writer.write(name, forKey: "name")
        writer.write(outcome, forKey: "outcome")
        try writer.write(passRate, forKey: "pass_rate")
        writer.write(slowTurns, forKey: "slow_turns")
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
    /// Statistics per metric name, as an object keyed by the names.
    static func write(_ statistics: [String: LatencyStatistics], to writer: inout PrettyJSONWriter) throws(PrettyJSONWriterError) {
        try writer.writeObject { writer throws(PrettyJSONWriterError) in
            for (metric, values) in PrettyJSONWriter.members(of: statistics) {
                writer.writeKey(metric)
                try values.write(to: &writer)
            }
        }
    }

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
