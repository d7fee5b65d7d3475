import Mustache
import Testing
@testable import SpeakNodeReport

@Suite("Markdown context")
struct MarkdownContextTests {
    var context = MarkdownContext(report: ReportFixture.mixed(), limit: 65_000)

    @Test("At full detail every list is shown whole and nothing is left out")
    mutating func full() {
        let value = context.value(for: .full)
        #expect(lookup(value, "level") == "full")
        #expect(lookup(value, "failures.0.name") == "Cancels a booking")
        #expect(lookup(value, "failures.0.reasons") == ["Did not confirm", "Hung up early"])
        #expect(lookup(value, "failures.0.completionReason") == "StepsExhausted")
        #expect(lookup(value, "failures.0.hasTranscript") == true)
        #expect(lookup(value, "failures.1.reasons") == ["not evaluated (status: Error)"], "the message stands in for reasons")
        #expect(lookup(value, "flakyTests.0.attemptOutcomes") == "❌ Failed → ✅ Passed")
        #expect(lookup(value, "passedTestsCount") == 2)
        #expect(lookup(value, "skippedTestsText") == "1 skipped test")
        #expect(lookup(value, "hasOmissions") == false)
        #expect(context.rowCount == 2)
    }

    @Test("Leaving out the passed and skipped lists keeps their counts and says so")
    mutating func withoutPassedAndSkipped() {
        let value = context.value(for: MarkdownDetail(level: .withoutPassedAndSkipped))
        #expect(lookup(value, "hasPassedTests") == false)
        #expect(lookup(value, "passedTests") == [])
        #expect(lookup(value, "passedTestsCount") == 2)
        #expect(lookup(value, "hasMorePassedTests") == false)
        #expect(lookup(value, "omitted") == "the list of 1 skipped test and the list of 2 passed tests")
    }

    @Test("A row limit cuts every list and counts what it left out")
    mutating func rowLimit() {
        let value = context.value(for: MarkdownDetail(level: .firstReasonOnly, rowLimit: 1))
        #expect(lookup(value, "failures.0.reasons") == ["Did not confirm"])
        #expect(lookup(value, "failures.0.moreReasonsText") == "1 more reason")
        #expect(lookup(value, "failures.0.hasTranscript") == false)
        #expect(lookup(value, "failuresCount") == 2)
        #expect(lookup(value, "moreFailures") == 1)
        #expect(lookup(value, "moreFailuresText") == "1 more failed or errored test")
        #expect(lookup(value, "showsFailures") == true)
        #expect(lookup(value, "omitted") == "the list of 1 skipped test, the list of 2 passed tests, the transcripts of 1 failed test, 1 further reason and 1 of 2 failed or errored tests")
    }

    @Test("The verdict-only level shows no list at all")
    mutating func verdictOnly() {
        let value = context.value(for: MarkdownDetail(level: .verdictOnly))
        #expect(lookup(value, "showsTables") == false)
        for key in ["hasRuns", "hasFailures", "hasFlakyTests", "hasSkippedTests", "hasPassedTests", "hasProblems"] {
            #expect(lookup(value, key) == false, "\(key)")
        }
        #expect(lookup(value, "omitted") == "everything but the verdict")
    }

    @Test("Numbers read with thousands separators and long text is cut with a count")
    func text() {
        #expect(MarkdownText.grouped(0) == "0")
        #expect(MarkdownText.grouped(999) == "999")
        #expect(MarkdownText.grouped(65_000) == "65,000")
        #expect(MarkdownText.grouped(1_048_576) == "1,048,576")
        #expect(MarkdownText.clipped("  short \n", to: 10) == "short")
        #expect(MarkdownText.clipped(String(repeating: "é", count: 12), to: 10) == String(repeating: "é", count: 10) + "… (2 more characters)")
        // More bytes than the maximum, but no more characters: kept whole.
        #expect(MarkdownText.clipped(String(repeating: "é", count: 10), to: 10) == String(repeating: "é", count: 10))
        #expect(MarkdownText.clipped(" 😀👍🏽 ", to: 3) == "😀👍🏽")
        #expect(MarkdownText.clipped("😀😀😀😀", to: 3) == "😀😀😀… (1 more characters)")
    }
}

@Suite("Markdown rows made as they are shown")
struct MarkdownRowsTests {
    @Test("A row is made the first time a prefix shows it, and only once")
    func madeOnce() {
        var made: [Int] = []
        var rows = MarkdownRows(Array(0..<10)) { source in
            made.append(source)
            return source * 10
        }
        #expect(rows.count == 10)
        #expect(Array(rows.prefix(0)) == [])
        #expect(made == [])
        #expect(Array(rows.prefix(3)) == [0, 10, 20])
        #expect(Array(rows.prefix(2)) == [0, 10])
        #expect(Array(rows.prefix(5)) == [0, 10, 20, 30, 40])
        #expect(made == [0, 1, 2, 3, 4])
        #expect(Array(rows.prefix(Int.max)) == (0..<10).map { $0 * 10 })
        #expect(made == Array(0..<10))
    }

    @Test("A context asked for one detail after another gives what a fresh context gives for each")
    func reusedContext() {
        let report = ReportFixture.mixed()
        let details = [
            MarkdownDetail(level: .full, rowLimit: 1), MarkdownDetail(level: .withoutPassedAndSkipped, rowLimit: 2),
            MarkdownDetail(level: .firstReasonOnly, rowLimit: 0), .full, MarkdownDetail(level: .verdictOnly),
            MarkdownDetail(level: .withoutTranscripts, rowLimit: 1),
        ]
        var reused = MarkdownContext(report: report, limit: 65_000)
        for detail in details {
            var fresh = MarkdownContext(report: report, limit: 65_000)
            #expect(reused.value(for: detail) == fresh.value(for: detail), "\(detail)")
        }
    }
}

@Suite("Markdown context of a much retried test")
struct MarkdownRetriedTestTests {
    @Test("A test retried many times lists its first ten outcomes and counts the rest")
    func manyAttempts() {
        let attempts = (0..<25).map { index in
            ReportFixture.attempt(
                index.isMultiple(of: 2) ? .failed : .passed,
                ReportFixture.conversation(session: "s\(index)", offset: Double(index) * 100, success: !index.isMultiple(of: 2)))
        }
        var context = MarkdownContext(report: ReportFixture.report(tests: [ReportFixture.test(id: "t", attempts: attempts)]), limit: 65_000)
        let outcomes = lookup(context.value(for: .full), "flakyTests.0.attemptOutcomes")
        #expect(outcomes == .string(Array(repeating: "❌ Failed → ✅ Passed", count: 5).joined(separator: " → ") + " → 15 more"))
    }
}
