import SpeakNodeReport
import Testing
@testable import SpeakNodeReportCLI

@Suite("Exit status")
struct ExitCodeTests {
    func report(failed: Int = 0, errors: Int = 0, problems: Int = 0) -> Report {
        let totals = Counts(
            tests: 3, passed: 3 - failed - errors, failed: failed, errors: errors, skipped: 0, flaky: 0,
            attempts: 3, duration: 0)
        let problemList = (0..<problems).map {
            InputProblem(source: SourceLocation(file: "in.ndjson", line: $0 + 1), reason: "not JSON")
        }
        return Report(
            runs: [], totals: totals, policy: .latest, redeliveries: 0, nonTestDeliveries: 0,
            problems: problemList, generatedAt: nil)
    }

    @Test func passingTestsSucceed() {
        #expect(ExitCode(report: report(), failurePolicy: .failed, couldWriteEverything: true) == .success)
    }

    @Test func aFailedOrErroredTestFailsUnlessFailOnNever() {
        #expect(ExitCode(report: report(failed: 1), failurePolicy: .failed, couldWriteEverything: true) == .testsFailed)
        #expect(ExitCode(report: report(errors: 1), failurePolicy: .failed, couldWriteEverything: true) == .testsFailed)
        #expect(ExitCode(report: report(failed: 1), failurePolicy: .never, couldWriteEverything: true) == .success)
    }

    @Test func inputProblemsAndWriteErrorsWinOverFailedTests() {
        #expect(ExitCode(report: report(failed: 1, problems: 1), failurePolicy: .failed, couldWriteEverything: true)
            == .usageOrInputError)
        #expect(ExitCode(report: report(failed: 1), failurePolicy: .failed, couldWriteEverything: false)
            == .usageOrInputError)
        #expect(ExitCode(report: report(problems: 2), failurePolicy: .never, couldWriteEverything: true)
            == .usageOrInputError)
    }

    @Test func statusesHaveTheDocumentedNumbers() {
        #expect([ExitCode.success, .testsFailed, .usageOrInputError].map(\.rawValue) == [0, 1, 2])
        #expect(ExitCode.usageOrInputError > .testsFailed)
    }
}
