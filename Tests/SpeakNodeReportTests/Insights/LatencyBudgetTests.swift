import Testing
@testable import SpeakNodeReport

@Suite("Latency budget")
struct LatencyBudgetTests {
    @Test("defaults: e2e 1.5 s, TTFT 1.0 s, TTFB 0.35 s, end of turn 0.7 s, no transcription budget")
    func defaults() {
        let budget = LatencyBudget.default
        #expect(budget[.e2eLatency] == 1.5)
        #expect(budget[.llmNodeTTFT] == 1.0)
        #expect(budget[.ttsNodeTTFB] == 0.35)
        #expect(budget[.endOfTurnDelay] == 0.7)
        #expect(budget[.transcriptionDelay] == nil)
        #expect(budget.budgetedMetrics == [.e2eLatency, .llmNodeTTFT, .ttsNodeTTFB, .endOfTurnDelay])
    }

    @Test("named metrics replace their defaults; the others keep theirs")
    func overrides() throws {
        let budget = try LatencyBudget(parsing: "e2e=1.2,ttft=0.8")
        #expect(budget[.e2eLatency] == 1.2)
        #expect(budget[.llmNodeTTFT] == 0.8)
        #expect(budget[.ttsNodeTTFB] == 0.35)
        #expect(budget[.endOfTurnDelay] == 0.7)
        #expect(budget[.transcriptionDelay] == nil)
    }

    @Test("keys in any case with spaces, the end_of_turn alias, payload names, s and ms units")
    func forms() throws {
        let budget = try LatencyBudget(parsing: " EOT = 500ms , transcription=0.4s, tts_node_ttfb=0.3 ")
        #expect(isClose(budget[.endOfTurnDelay], 0.5))
        #expect(budget[.transcriptionDelay] == 0.4)
        #expect(budget[.ttsNodeTTFB] == 0.3)
        #expect(try LatencyBudget(parsing: "end_of_turn=0.9")[.endOfTurnDelay] == 0.9)
        #expect(try LatencyBudget(parsing: "e2e=2")[.e2eLatency] == 2)
    }

    @Test("off removes a budget")
    func off() throws {
        let budget = try LatencyBudget(parsing: "ttfb=off,eot=none")
        #expect(budget[.ttsNodeTTFB] == nil)
        #expect(budget[.endOfTurnDelay] == nil)
        #expect(budget[.e2eLatency] == 1.5)
    }

    @Test("malformed values are rejected with the reason", arguments: [
        ("", BudgetParsingError.empty),
        ("  ", .empty),
        ("e2e=1.2,,ttft=1", .emptyEntry),
        ("e2e=1.2,", .emptyEntry),
        ("e2e", .missingValue(entry: "e2e")),
        ("latency=1", .unknownKey("latency")),
        ("=1", .unknownKey("")),
        ("e2e=1,e2e_latency=2", .duplicateKey("e2e_latency")),
        ("eot=1,end_of_turn=2", .duplicateKey("end_of_turn")),
        ("e2e=", .invalidValue(key: "e2e", value: "")),
        ("e2e=-1", .invalidValue(key: "e2e", value: "-1")),
        ("e2e=0", .invalidValue(key: "e2e", value: "0")),
        ("e2e=fast", .invalidValue(key: "e2e", value: "fast")),
        ("e2e=inf", .invalidValue(key: "e2e", value: "inf")),
        ("e2e=1e3", .invalidValue(key: "e2e", value: "1e3")),
        ("e2e=1.2.3", .invalidValue(key: "e2e", value: "1.2.3")),
    ])
    func rejects(text: String, expected: BudgetParsingError) {
        #expect(throws: expected) { try LatencyBudget(parsing: text) }
    }

    @Test("error messages say what is wrong and what is expected")
    func messages() {
        #expect(BudgetParsingError.unknownKey("latency").description
            == "unknown latency budget key \"latency\": expected one of e2e, ttft, ttfb, eot, end_of_turn, transcription")
        #expect(BudgetParsingError.invalidValue(key: "e2e", value: "fast").description
            == "latency budget e2e=fast is not a positive number of seconds (e.g. 1.2, 1.2s, 350ms) or off")
        #expect(BudgetParsingError.missingValue(entry: "e2e").description.contains("key=seconds"))
    }

    @Test("a turn's overruns are the budgeted metrics strictly over budget, in metric order")
    func overruns() {
        let metrics = TurnMetrics(transcriptionDelay: 3, endOfTurnDelay: 0.7, llmNodeTTFT: 1.1, ttsNodeTTFB: 0.4, e2eLatency: 1.6)
        let overruns = LatencyBudget.default.overruns(in: metrics)
        #expect(overruns.map(\.metric) == [.e2eLatency, .llmNodeTTFT, .ttsNodeTTFB])
        #expect(overruns.map(\.budget) == [1.5, 1.0, 0.35])
        #expect(isClose(overruns.first?.excess, 0.1))
        #expect(LatencyBudget.none.overruns(in: metrics).isEmpty)
    }

    @Test("a budget changed by metric keeps its overruns and metrics in metric order")
    func changedBudget() {
        var budget = LatencyBudget.default
        budget[.transcriptionDelay] = 0.1
        budget[.llmNodeTTFT] = nil
        #expect(budget.budgetedMetrics == [.e2eLatency, .ttsNodeTTFB, .endOfTurnDelay, .transcriptionDelay])
        let metrics = TurnMetrics(transcriptionDelay: 0.2, endOfTurnDelay: 0.8, llmNodeTTFT: 5, e2eLatency: 2)
        #expect(budget.overruns(in: metrics).map(\.metric) == [.e2eLatency, .endOfTurnDelay, .transcriptionDelay])
        #expect(budget == LatencyBudget(limits: [.e2eLatency: 1.5, .ttsNodeTTFB: 0.35, .endOfTurnDelay: 0.7, .transcriptionDelay: 0.1]))
    }
}

@Suite("Which metrics of a turn overran")
struct LatencyBudgetOverrunMetricsTests {
    @Test("the metrics found over budget are those of the overruns, and give the same overruns")
    func sameAsOverruns() throws {
        let budget = try LatencyBudget(parsing: "e2e=1,ttft=0.5,ttfb=0.2,eot=0.3,transcription=0.4")
        let turns = [
            TurnMetrics(),
            TurnMetrics(transcriptionDelay: 0.5, endOfTurnDelay: 0.3),
            TurnMetrics(llmNodeTTFT: 0.6, ttsNodeTTFB: 0.3, e2eLatency: 1.1),
            TurnMetrics(transcriptionDelay: 0.1, endOfTurnDelay: 2, llmNodeTTFT: 0.5, e2eLatency: .infinity),
        ]
        for metrics in turns {
            let overruns = budget.overruns(in: metrics)
            let overrun = budget.overrunMetrics(in: metrics)
            #expect(LatencyMetric.allCases.filter(overrun.contains) == overruns.map(\.metric))
            #expect(budget.overruns(of: overrun, in: metrics) == overruns)
            for metric in LatencyMetric.allCases {
                #expect(budget.overrun(of: metric, among: overrun, in: metrics) == overruns.first { $0.metric == metric })
            }
        }
    }
}

@Suite("A turn checked against the whole budget at once")
struct LatencyBudgetVectorCheckTests {
    @Test("only measured values strictly over a budget overrun; a changed budget is checked as changed")
    func measuredValuesOnly() {
        var budget = LatencyBudget.default
        let unmeasured = TurnMetrics(transcriptionDelay: 50, endOfTurnDelay: 0.7, llmNodeTTFT: .nan, ttsNodeTTFB: -1, e2eLatency: .infinity)
        #expect(budget.overrunMetrics(in: unmeasured).isEmpty)
        budget[.transcriptionDelay] = 10
        #expect(budget.overrunMetrics(in: unmeasured) == LatencyMetricSet(.transcriptionDelay))
        budget[.transcriptionDelay] = nil
        #expect(budget.overrunMetrics(in: unmeasured).isEmpty)
        #expect(budget.overrunMetrics(in: TurnMetrics(endOfTurnDelay: 0.70001)) == LatencyMetricSet(.endOfTurnDelay))
        #expect(LatencyBudget.none.overrunMetrics(in: TurnMetrics(e2eLatency: 100)).isEmpty)
    }
}
