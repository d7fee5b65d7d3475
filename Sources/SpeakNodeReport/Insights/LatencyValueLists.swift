/// The values of every latency metric, each metric's in a list of its own, gathered in one
/// pass over turns.
///
/// Five named lists rather than a list of lists: appending to an element of a list of lists
/// checked, for every value, whether the outer list was shared as well as the inner one.
struct LatencyValueLists {
    private var e2eLatency: [Double] = []
    private var llmNodeTTFT: [Double] = []
    private var ttsNodeTTFB: [Double] = []
    private var endOfTurnDelay: [Double] = []
    private var transcriptionDelay: [Double] = []

    /// Room for `capacity` values of each metric: no list grows while at most that many are appended.
    init(capacity: Int) {
        for metric in LatencyMetric.allCases { modify(metric) { $0.reserveCapacity(capacity) } }
    }

    /// Appends the measured value of each metric of a turn (see ``LatencyMetric/value(in:)``).
    @inline(__always)
    mutating func appendMeasured(in turn: TurnMetrics) {
        if let value = LatencyMetric.e2eLatency.value(in: turn) { e2eLatency.append(value) }
        if let value = LatencyMetric.llmNodeTTFT.value(in: turn) { llmNodeTTFT.append(value) }
        if let value = LatencyMetric.ttsNodeTTFB.value(in: turn) { ttsNodeTTFB.append(value) }
        if let value = LatencyMetric.endOfTurnDelay.value(in: turn) { endOfTurnDelay.append(value) }
        if let value = LatencyMetric.transcriptionDelay.value(in: turn) { transcriptionDelay.append(value) }
    }

    mutating func append(contentsOf values: ArraySlice<Double>, of metric: LatencyMetric) {
        modify(metric) { $0 += values }
    }

    /// The lists, by ``LatencyMetric/index``.
    consuming func byMetricIndex() -> [[Double]] {
        [e2eLatency, llmNodeTTFT, ttsNodeTTFB, endOfTurnDelay, transcriptionDelay]
    }

    private mutating func modify(_ metric: LatencyMetric, _ body: (inout [Double]) -> Void) {
        switch metric {
        case .e2eLatency: body(&e2eLatency)
        case .llmNodeTTFT: body(&llmNodeTTFT)
        case .ttsNodeTTFB: body(&ttsNodeTTFB)
        case .endOfTurnDelay: body(&endOfTurnDelay)
        case .transcriptionDelay: body(&transcriptionDelay)
        }
    }
}
