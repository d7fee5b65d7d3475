extension SummaryDocument {
    /// The members a run and a test of a summary share, `counts` to `slow_turns`: taken from
    /// an evaluated run or test, or from a document's, and written in key order.
    ///
    /// Both ``Run/init(_:)``, which builds a document, and ``writeJSON(of:pieceSize:to:)``,
    /// which writes one without building it, take the figures from here, so the two cannot
    /// say different things.
    struct Figures {
        var counts: SummaryCounts
        var duration: Double
        var id: String
        var latency: SummaryLatency
        var name: String?
        var outcome: String?
        var passRate: Double?
        var slowTurns: Int

        /// The figures of an evaluated run.
        init(_ run: borrowing RunResult) {
            counts = SummaryCounts(run.counts)
            duration = SummaryDocument.rounded(run.counts.duration)
            id = run.id
            latency = .measured(run.insights)
            name = run.campaignName
            outcome = SummaryDocument.outcome(of: run.counts)?.rawValue
            passRate = run.counts.passRate.map(SummaryDocument.rounded)
            slowTurns = run.insights.slowTurnCount
        }

        /// The figures of an evaluated test.
        init(_ test: borrowing TestResult) {
            counts = SummaryCounts(Counts(test))
            duration = SummaryDocument.rounded(test.duration)
            id = test.id
            latency = .measured(test.insights)
            name = test.name
            outcome = test.outcome.rawValue
            passRate = test.attemptPassRate.map(SummaryDocument.rounded)
            slowTurns = test.insights.slowTurnCount
        }

        /// The figures of a document's run.
        init(_ run: Run) {
            counts = run.counts
            duration = run.duration
            id = run.id
            latency = .named(run.latency)
            name = run.name
            outcome = run.outcome
            passRate = run.passRate
            slowTurns = run.slowTurns
        }

        /// The figures of a document's test.
        init(_ test: Test) {
            counts = test.counts
            duration = test.duration
            id = test.id
            latency = .named(test.latency)
            name = test.name
            outcome = test.outcome
            passRate = test.passRate
            slowTurns = test.slowTurns
        }

        /// The members, in key order, into the object being written.
        func write(to writer: inout PrettyJSONWriter) throws(PrettyJSONWriterError) {
            writer.writeKey("counts")
            counts.write(to: &writer)
            try writer.write(duration, forKey: "duration")
            writer.write(id, forKey: "id")
            writer.writeKey("latency")
            try latency.write(to: &writer)
            writer.write(name, forKey: "name")
            writer.write(outcome, forKey: "outcome")
            try writer.write(passRate, forKey: "pass_rate")
            writer.write(slowTurns, forKey: "slow_turns")
        }
    }
}
