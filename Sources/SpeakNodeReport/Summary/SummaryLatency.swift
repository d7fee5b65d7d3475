/// The `latency` member of a summary's document, run or test: statistics per metric, keyed by
/// the metric's payload name and rounded to ``SummaryDocument/decimals`` places.
///
/// A ``SummaryDocument`` holds them by name; a report writes them straight from its insights,
/// one ``LatencyMetric`` at a time, so that the summary of ten thousand tests is written without
/// first building ten thousand dictionaries (of names or of metrics), and without sorting each
/// one's names.
enum SummaryLatency {
    /// A document's statistics, already rounded, keyed by any name.
    case named([String: LatencyStatistics])
    /// The statistics of a report's insights (a test's, a run's or its own), rounded as they are
    /// written. Read metric by metric (``Insights/statistics(of:)``): combined insights hold
    /// theirs worked out, and `Insights.latency` would build a dictionary of them for every test.
    case measured(Insights)

    /// The statistics as an object keyed by the names, in the order `.sortedKeys` gives.
    func write(to writer: inout PrettyJSONWriter) throws(PrettyJSONWriterError) {
        try writer.writeObject { writer throws(PrettyJSONWriterError) in
            switch self {
            case .named(let statistics):
                for (metric, values) in PrettyJSONWriter.members(of: statistics) {
                    writer.writeKey(metric)
                    try values.write(to: &writer)
                }
            case .measured(let insights):
                for metric in LatencyMetric.inPayloadNameOrder {
                    guard let values = insights.statistics(of: metric) else { continue }
                    writer.writeKey(metric.payloadName)
                    try values.rounded(toDecimals: SummaryDocument.decimals).write(to: &writer)
                }
            }
        }
    }

    /// The statistics by name, as a ``SummaryDocument`` holds them.
    var byName: [String: LatencyStatistics] {
        switch self {
        case .named(let statistics):
            statistics
        case .measured(let insights):
            Dictionary(uniqueKeysWithValues: LatencyMetric.allCases.compactMap { metric in
                insights.statistics(of: metric).map { (metric.payloadName, $0.rounded(toDecimals: SummaryDocument.decimals)) }
            })
        }
    }
}

extension LatencyMetric {
    /// Every metric, in the byte order of their payload names: the order a summary writes them.
    static let inPayloadNameOrder: [LatencyMetric] = allCases.sorted {
        $0.payloadName.utf8.lexicographicallyPrecedes($1.payloadName.utf8)
    }
}
