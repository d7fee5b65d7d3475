import Testing
@testable import SpeakNodeReport

@Suite("HTML transcript selection")
struct TranscriptSelectionTests {
    /// The selection as it was made before transcripts could be decided by their turn count:
    /// every transcript estimated, then tests that need attention first, then the rest, each
    /// attempt kept while it fits. Flags in report order, and the number left out.
    static func reference(_ report: Report, budget: Int) -> (kept: [Bool], leftOut: Int) {
        let statuses = report.runs.map(HTMLStatus.statuses)
        let sizes = report.runs.map { run in run.tests.map { test in test.attempts.map { HTMLReportContext.estimatedSize($0.conversation) } } }
        var kept: [(run: Int, test: Int, attempt: Int)] = []
        var leftOut = 0
        var remaining = budget
        for wantsAttention in [true, false] {
            for (runIndex, runSizes) in sizes.enumerated() {
                for (testIndex, testSizes) in runSizes.enumerated() where statuses[runIndex][testIndex].needsAttention == wantsAttention {
                    for (attemptIndex, size) in testSizes.enumerated() {
                        guard size <= remaining else {
                            if size > 0 { leftOut += 1 }
                            continue
                        }
                        remaining -= size
                        kept.append((runIndex, testIndex, attemptIndex))
                    }
                }
            }
        }
        let flags = report.runs.indices.flatMap { run in
            report.runs[run].tests.indices.flatMap { test in
                report.runs[run].tests[test].attempts.indices.map { attempt in
                    kept.contains { $0 == (run, test, attempt) }
                }
            }
        }
        return (flags, leftOut)
    }

    /// Transcripts of many lengths (none, one turn, a few, many), in tests that need attention and tests that do not.
    static func report() -> Report {
        let turns = HTMLFixture.history()
        let lengths = [0, 1, 3, 8, 2, 40, 5, 1, 0, 16]
        let tests = lengths.enumerated().map { index, length in
            let history = (0..<length).map { turns[$0 % turns.count] }
            let conversation = ReportFixture.conversation(session: "s\(index)", success: index % 3 != 0, history: history)
            let outcome: Outcome = index % 3 == 0 ? .failed : .passed
            let second = ReportFixture.conversation(session: "t\(index)", history: Array(history.prefix(2)))
            return ReportFixture.test(
                id: "test-\(index)",
                attempts: [ReportFixture.attempt(outcome, conversation)] + (index % 4 == 1 ? [ReportFixture.attempt(.passed, second)] : []))
        }
        return ReportFixture.report(tests: tests)
    }

    @Test("Deciding long transcripts by their turn count keeps exactly the transcripts estimating all of them keeps")
    func sameAsEstimatingEverything() {
        let report = Self.report()
        let statuses = report.runs.map(HTMLStatus.statuses)
        let total = report.runs.flatMap(\.tests).flatMap(\.attempts).reduce(0) { $0 + HTMLReportContext.estimatedSize($1.conversation) }
        #expect(total > 0)
        for budget in stride(from: 0, through: total + 200, by: 97) {
            let selection = HTMLReportContext.transcriptSelection(report: report, statuses: statuses, budget: budget)
            let expected = Self.reference(report, budget: budget)
            #expect(selection.kept == expected.kept, "budget \(budget)")
            #expect(selection.leftOut == expected.leftOut, "budget \(budget)")
        }
    }

    @Test("Each test finds its attempts' flags from the place of its first attempt")
    func firstAttempts() {
        let report = Self.report()
        let selection = HTMLReportContext.transcriptSelection(
            report: report, statuses: report.runs.map(HTMLStatus.statuses), budget: .max)
        var next = 0
        for (run, starts) in zip(report.runs, selection.firstAttempts) {
            #expect(starts.count == run.tests.count)
            for (test, start) in zip(run.tests, starts) {
                #expect(start == next)
                next += test.attempts.count
            }
        }
        #expect(selection.kept.count == next)
        #expect(selection.kept.allSatisfy { $0 }, "an unlimited budget keeps every transcript")
        #expect(selection.leftOut == 0)
    }
}

@Suite("HTML tests by category")
struct TestsByCategoryTests {
    @Test("Tests are listed by status (errors, failed, flaky, passed, skipped), each status in the run's own order")
    func order() throws {
        let conversation = ReportFixture.conversation(session: "s")
        func test(_ id: String, _ outcomes: Outcome...) -> TestResult {
            ReportFixture.test(id: id, attempts: outcomes.map { ReportFixture.attempt($0, conversation) })
        }
        let tests = [
            test("p1", .passed), test("f1", .failed), test("s1", .skipped), test("e1", .error), test("p2", .passed),
            test("k1", .failed, .passed), test("f2", .failed), test("e2", .error), test("k2", .error, .passed), test("p3", .passed),
        ]
        let report = ReportFixture.report(tests: tests)
        let shared = ReportContext(report: report, options: RenderOptions()).value
        let html = HTMLReportContext(report: report, shared: shared).value
        guard case .list(let ordered)? = lookup(html, "runs.0.testsByCategory") else {
            Issue.record("no testsByCategory")
            return
        }
        let ids = ordered.compactMap { test -> String? in
            guard case .string(let id)? = test.member("id") else { return nil }
            return id
        }
        let runOrder = report.runs[0].tests.map(\.id)
        let statuses = HTMLStatus.statuses(of: report.runs[0])
        let expected = HTMLStatus.allCases.flatMap { status in runOrder.indices.filter { statuses[$0] == status }.map { runOrder[$0] } }
        #expect(ids == expected)
        #expect(Set(ids.prefix(2)) == ["e1", "e2"] && Set(ids.suffix(1)) == ["s1"])
    }
}
