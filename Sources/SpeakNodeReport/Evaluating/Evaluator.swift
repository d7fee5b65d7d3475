#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Turns collected runs into a ``Report``: a verdict for every attempt, an outcome for every
/// test, and counts for every run and for the whole input.
///
/// How a test's attempts add up:
///
/// - ``AttemptPolicy/latest``: the last attempt (see ``CollectedTest/attempts`` for the
///   order) decides, whatever it was.
/// - ``AttemptPolicy/all``: the worst attempt decides (error > failed > passed). Skipped
///   attempts are ignored while any other attempt exists; the test is skipped only when
///   every attempt was. The deciding attempt is the last one with the deciding outcome.
/// - A test is **flaky** when its attempts that ran (passed, failed or error) do not all
///   have the same outcome — under either policy, so `--attempts` changes what a flaky
///   test counts as, never whether it is flagged.
/// - With a ``latencyGate``, a test that passed fails when the gated statistic of its
///   `e2e_latency` (over all its attempts) is over ``budget`` (see ``TestResult/latencyFailure``);
///   counts follow the changed outcome.
public struct Evaluator: Sendable {
    public var policy: AttemptPolicy
    /// Display names by `test_id` (`--names`); tests without one are shown by id.
    public var names: [String: String]
    /// What makes a turn slow (`--budget`).
    public var budget: LatencyBudget
    /// Fails passing tests whose end-to-end latency is over budget (`--fail-on-latency`); off when `nil`.
    public var latencyGate: LatencyGate?

    public init(
        policy: AttemptPolicy = .latest, names: [String: String] = [:],
        budget: LatencyBudget = .default, latencyGate: LatencyGate? = nil
    ) {
        self.policy = policy
        self.names = names
        self.budget = budget
        self.latencyGate = latencyGate
    }

    /// Evaluates a collection; `problems` (input that could not be read) are carried into the
    /// report sorted, so it shows everything that was and was not read.
    public func evaluate(_ collection: CollectedInput, problems: [InputProblem] = []) -> Report {
        // The tests of all runs in one list spread over the cores, so every core has tests to
        // evaluate until all are done, however the tests are shared out among runs.
        let testResults = collection.runs.flatMap(\.tests).concurrentMap { evaluate($0) }
        var runsWithTests: [(run: CollectedRun, tests: Range<Int>)] = []
        for run in collection.runs {
            let start = runsWithTests.last?.tests.upperBound ?? 0
            runsWithTests.append((run, start..<(start + run.tests.count)))
        }
        let runs = runsWithTests
            // Then the runs side by side, each combining its tests' insights.
            .concurrentMap { result(of: $0.run, tests: testResults[$0.tests]) }
            .sorted(by: Self.isEarlier)
        var generatedAt: Date?
        for run in collection.runs {
            for test in run.tests {
                // Read in place: copying each attempt would retain every text of its conversation.
                for index in test.attempts.indices {
                    guard let time = test.attempts[index].conversation.createdAt ?? test.attempts[index].conversation.startTime
                    else { continue }
                    generatedAt = max(generatedAt ?? time, time)
                }
            }
        }
        return Report(
            runs: runs,
            totals: runs.reduce(into: Counts()) { $0 += $1.counts },
            policy: policy,
            redeliveries: collection.redeliveries,
            nonTestDeliveries: collection.nonTestDeliveries,
            problems: problems.sorted(),
            generatedAt: generatedAt,
            // The last and largest statistics, with nothing else left to run beside them.
            insights: Insights(combiningConcurrently: runs.map(\.insights)),
            budget: budget,
            latencyGate: latencyGate
        )
    }

    /// One run: its tests sorted by name then id, and what its attempts say about it.
    public func evaluate(_ run: CollectedRun) -> RunResult {
        // Each test's verdict and insights go through every turn of its attempts: spread them over the cores.
        result(of: run, tests: run.tests.concurrentMap { evaluate($0) }[...])
    }

    /// A run whose tests were evaluated into `testResults`, in the order of its tests.
    private func result(of run: CollectedRun, tests testResults: ArraySlice<TestResult?>) -> RunResult {
        // Room for exactly the tests: `compactMap` grew the list by doubling, which left up to
        // half of a run's list of tests unused for as long as the report is kept.
        var tests: [TestResult] = []
        tests.reserveCapacity(testResults.count)
        // Each test counted as it is taken: counting `tests[index]` afterwards copied each test
        // (retaining everything it holds) to hand it to `Counts`.
        var counts = Counts()
        for index in testResults.indices {
            guard let test = testResults[index] else { continue }
            counts += Counts(test)
            tests.append(consume test)
        }
        // Sorted in place: `sorted` would copy every test into a new array.
        tests.sort { ($0.name, $0.id) < ($1.name, $1.id) }
        // Read from each conversation in place: a list of the conversations would copy each
        // one, retaining all of its texts.
        var campaignNames: [String] = [], campaignIDs: [String] = [], agentNames: Set<String> = []
        var startedAt: Date?
        for test in run.tests {
            for index in test.attempts.indices {
                if let name = test.attempts[index].conversation.campaignName { campaignNames.append(name) }
                if let id = test.attempts[index].conversation.campaignID { campaignIDs.append(id) }
                if let name = test.attempts[index].conversation.agentName, !name.isBlankText { agentNames.insert(name) }
                if let start = test.attempts[index].conversation.startTime ?? test.attempts[index].conversation.createdAt {
                    startedAt = min(startedAt ?? start, start)
                }
            }
        }
        return RunResult(
            id: run.id,
            campaignName: Self.mostCommon(campaignNames),
            campaignID: Self.mostCommon(campaignIDs),
            agentNames: agentNames.sorted(),
            tests: tests,
            counts: counts,
            startedAt: startedAt
        )
    }

    /// One test; `nil` only for a test without attempts, which the ``Collector`` never makes.
    public func evaluate(_ test: CollectedTest) -> TestResult? {
        let attempts = test.attempts.map { AttemptResult(evaluating: $0.conversation, budget: budget) }
        guard let decidingIndex = decidingIndex(of: attempts) else { return nil }
        // The deciding attempt is read in place (`attempts[decidingIndex]`), not copied with
        // its whole conversation.
        let decidingOutcome = attempts[decidingIndex].outcome
        let agentName = attempts[decidingIndex].conversation.agentName.nonBlankText
            ?? attempts.indices.lazy.compactMap { attempts[$0].conversation.agentName.nonBlankText }.first
            ?? ""
        let insights = Insights(combining: attempts.map(\.insights))
        let latencyFailure = decidingOutcome == .passed
            ? latencyGate.flatMap { LatencyFailure(gate: $0, insights: insights, budget: budget) }
            : nil
        return TestResult(
            id: test.id,
            name: names[test.id].nonBlankText ?? test.id,
            runID: test.runID,
            agentName: agentName,
            attempts: attempts,
            decidingAttemptIndex: decidingIndex,
            outcome: latencyFailure == nil ? decidingOutcome : .failed,
            isFlaky: Self.outcomesDisagree(attempts),
            duration: attempts.indices.reduce(0) { $0 + AttemptResult.duration(seconds: attempts[$1].conversation.durationSeconds) },
            insights: insights,
            latencyFailure: latencyFailure
        )
    }

    /// Whether the attempts that ran (passed, failed or error) do not all have the same outcome.
    static func outcomesDisagree(_ attempts: [AttemptResult]) -> Bool {
        var firstRan: Outcome?
        for index in attempts.indices where attempts[index].outcome != .skipped {
            let outcome = attempts[index].outcome
            if let firstRan, firstRan != outcome { return true }
            firstRan = outcome
        }
        return false
    }

    /// The index of the attempt whose outcome is the test's, under ``policy``.
    func decidingIndex(of attempts: [AttemptResult]) -> Int? {
        switch policy {
        case .latest:
            return attempts.indices.last
        case .all:
            let worst = attempts.map(\.outcome).max() ?? .skipped
            return attempts.lastIndex { $0.outcome == worst }
        }
    }

    /// Runs by start (runs without a time last), then id.
    static func isEarlier(_ lhs: RunResult, _ rhs: RunResult) -> Bool {
        if let earlier = MissingLastOrder.precedes(lhs.startedAt, rhs.startedAt) { return earlier }
        return lhs.id < rhs.id
    }

    /// The non-blank value seen most often; ties go to the smallest, so the choice is stable.
    static func mostCommon(_ values: [String]) -> String? {
        var occurrences: [String: Int] = [:]
        for value in values where !value.isBlankText { occurrences[value, default: 0] += 1 }
        return occurrences.min { lhs, rhs in
            lhs.value != rhs.value ? lhs.value > rhs.value : lhs.key < rhs.key
        }?.key
    }
}
