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
            writer.writeKey("duration")
            try writer.write(duration)
            writer.writeKey("latency")
            try LatencyStatistics.write(latency, to: &writer)
            if let latencyGate {
                writer.writeKey("latency_gate")
                writer.write(latencyGate)
            }
            if let outcome {
                writer.writeKey("outcome")
                writer.write(outcome)
            }
            if let passRate {
                writer.writeKey("pass_rate")
                try writer.write(passRate)
            }
            writer.writeKey("runs")
            try writer.writeArray(runs) { writer, run throws(PrettyJSONWriterError) in try run.write(to: &writer) }
            writer.writeKey("schema")
            writer.write(schema)
            writer.writeKey("slow_turns")
            writer.write(slowTurns)
        }
    }
}

extension SummaryDocument.Run {
    func write(to writer: inout PrettyJSONWriter) throws(PrettyJSONWriterError) {
        try writer.writeObject { writer throws(PrettyJSONWriterError) in
            writer.writeKey("counts")
            counts.write(to: &writer)
            writer.writeKey("duration")
            try writer.write(duration)
            writer.writeKey("id")
            writer.write(id)
            writer.writeKey("latency")
            try LatencyStatistics.write(latency, to: &writer)
            if let name {
                writer.writeKey("name")
                writer.write(name)
            }
            if let outcome {
                writer.writeKey("outcome")
                writer.write(outcome)
            }
            if let passRate {
                writer.writeKey("pass_rate")
                try writer.write(passRate)
            }
            writer.writeKey("slow_turns")
            writer.write(slowTurns)
            writer.writeKey("tests")
            try writer.writeArray(tests) { writer, test throws(PrettyJSONWriterError) in try test.write(to: &writer) }
        }
    }
}

extension SummaryDocument.Test {
    func write(to writer: inout PrettyJSONWriter) throws(PrettyJSONWriterError) {
        try writer.writeObject { writer throws(PrettyJSONWriterError) in
            writer.writeKey("counts")
            counts.write(to: &writer)
            writer.writeKey("duration")
            try writer.write(duration)
            writer.writeKey("id")
            writer.write(id)
            writer.writeKey("latency")
            try LatencyStatistics.write(latency, to: &writer)
            writer.writeKey("name")
            writer.write(name)
            writer.writeKey("outcome")
            writer.write(outcome)
            if let passRate {
                writer.writeKey("pass_rate")
                try writer.write(passRate)
            }
            writer.writeKey("slow_turns")
            writer.write(slowTurns)
        }
    }
}

extension SummaryCounts {
    func write(to writer: inout PrettyJSONWriter) {
        writer.writeObject { writer in
            for (key, value) in [
                ("attempts", attempts), ("errors", errors), ("failed", failed), ("flaky", flaky),
                ("passed", passed), ("skipped", skipped), ("tests", tests),
            ] {
                writer.writeKey(key)
                writer.write(value)
            }
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
            writer.writeKey("count")
            writer.write(count)
            for (key, value) in [("max", max), ("p50", p50), ("p90", p90), ("p95", p95)] {
                writer.writeKey(key)
                try writer.write(value)
            }
        }
    }
}
