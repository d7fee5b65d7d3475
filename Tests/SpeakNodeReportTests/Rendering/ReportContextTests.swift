import Foundation
import Mustache
import Testing
@testable import SpeakNodeReport

/// Reads a path like `runs.0.tests.1.name` out of a context, building lazy values on the way
/// (what it returns is never lazy).
func lookup(_ value: MustacheValue, _ path: String) -> MustacheValue? {
    var current = value.resolved
    for key in path.split(separator: ".") {
        if case .list(let list) = current {
            guard let index = Int(key), list.indices.contains(index) else { return nil }
            current = list[index].resolved
        } else {
            // An object, stored or computed: `nil` for a key it does not have, or for any other value.
            guard let next = current.member(String(key)) else { return nil }
            current = next
        }
    }
    return current
}

@Suite("Report context")
struct ReportContextTests {
    let context = ReportContext(report: ReportFixture.mixed(), options: RenderOptions(reportURL: "https://ci.example/report")).value

    @Test("Totals, verdict and sections are pre-formatted")
    func totals() {
        #expect(lookup(context, "title") == "SpeakNode agent tests")
        #expect(lookup(context, "verdict.text") == "Failed")
        #expect(lookup(context, "verdict.symbol") == "❌")
        #expect(lookup(context, "totals.summary") == "2 passed, 1 failed, 1 error, 1 skipped, 1 flaky")
        #expect(lookup(context, "totals.passRate") == "50%")
        #expect(lookup(context, "totals.duration") == "6m 12s")
        #expect(lookup(context, "totals.seconds") == "372.000")
        #expect(lookup(context, "hasFailures") == true)
        #expect(lookup(context, "hasFlaky") == true)
        #expect(lookup(context, "reportURL") == "https://ci.example/report")
        #expect(lookup(context, "timestamp") == "2025-11-25T15:00:00")
        #expect(lookup(context, "problems.0.text") == "in.ndjson:4: not JSON")
        #expect(lookup(context, "hasInputNotes") == true)
    }

    @Test("A run is named by campaign and short id and carries JUnit properties")
    func run() {
        #expect(lookup(context, "runs.0.name") == "Nightly (01dbc221)")
        #expect(lookup(context, "runs.0.timestamp") == "2025-11-25T14:00:00")
        #expect(lookup(context, "runs.0.properties.0.name") == "run_id")
        #expect(lookup(context, "runs.0.properties.1.value") == "Nightly")
    }

    @Test("A test exposes its outcome, reasons, deciding attempt and transcript")
    func test() {
        #expect(lookup(context, "runs.0.tests.1.name") == "Cancels a booking")
        #expect(lookup(context, "runs.0.tests.1.isFailed") == true)
        #expect(lookup(context, "runs.0.tests.1.reasons") == ["Did not confirm", "Hung up early"])
        #expect(lookup(context, "runs.0.tests.1.type") == "StepsExhausted")
        #expect(lookup(context, "runs.0.tests.1.classname") == "Booking agent")
        #expect(lookup(context, "runs.0.tests.1.transcript.0.line") == "[00:12.3] User: Hello")
        #expect(lookup(context, "runs.0.tests.2.isError") == true)
        #expect(lookup(context, "runs.0.tests.2.type") == "Error")
        #expect(lookup(context, "runs.0.tests.3.isSkipped") == true)
        #expect(lookup(context, "failures.0.runName") == "Nightly (01dbc221)")
    }

    @Test("A flaky pass lists its earlier failure as a flakyFailure, and links only http(s) recordings")
    func flaky() throws {
        let flaky = try #require(lookup(context, "runs.0.tests.4"))
        #expect(lookup(flaky, "isPassed") == true)
        #expect(lookup(flaky, "isFlaky") == true)
        #expect(lookup(flaky, "reruns.0.element") == "flakyFailure")
        #expect(lookup(flaky, "reruns.0.type") == "StepsExhausted")
        #expect(lookup(flaky, "attempts.1.isDeciding") == true)
        #expect(lookup(flaky, "recordingURL") == "https://rec.example/s6.wav?sig=a&b=c")
        let hostile = ReportContext(report: ReportFixture.hostile(), options: RenderOptions()).value
        #expect(lookup(hostile, "runs.0.tests.0.recordingURL") == .null)
        #expect(lookup(hostile, "runs.0.tests.0.attempts.0.recordingText") == "javascript:alert(1)")
    }

    @Test("A failed test lists earlier failed attempts as rerunFailure / rerunError")
    func reruns() {
        let test = ReportFixture.test(
            id: "t", attempts: [
                ReportFixture.attempt(.error, ReportFixture.conversation(session: "a", status: "Error", success: nil)),
                ReportFixture.attempt(.passed, ReportFixture.conversation(session: "b")),
                ReportFixture.attempt(.failed, ReportFixture.conversation(session: "c", success: false), reasons: ["no"]),
            ])
        let reruns = TestContext.reruns(test)
        #expect(reruns.count == 1)
        #expect(lookup(reruns[0], "element") == "rerunError")
        #expect(lookup(reruns[0], "type") == "Error")
    }

    @Test("An empty report has the verdict 'No tests'")
    func empty() {
        let empty = ReportContext(
            report: Report(runs: [], totals: Counts(), policy: .latest, redeliveries: 0, nonTestDeliveries: 0, problems: [], generatedAt: nil),
            options: RenderOptions()).value
        #expect(lookup(empty, "verdict.text") == "No tests")
        #expect(lookup(empty, "totals.passRate") == "n/a")
        #expect(lookup(empty, "hasRuns") == false)
    }
}
