import Foundation
import Mustache

/// One test of the HTML report's context: the shared test object (``ReportContext``) with the
/// HTML report's own values added to it and to each of its attempts.
///
/// Made once per report and used for each test on whichever core builds it: copying and
/// growing the shared objects and building the attempts' values are most of the HTML
/// context's work on a large report, and the tests are independent of one another.
struct HTMLTestContext: Sendable {
    /// The attempts whose transcripts fit in the report's transcript budget.
    let kept: Set<HTMLReportContext.AttemptPosition>
    let anchors: HTMLAnchorBook
    /// Whether tests that need attention start open (they do unless there are too many).
    let opensAttention: Bool
    let generatedAt: Date?
    let slowTurnText: SlowTurnText

    /// The HTML keys added to each test and each attempt (room is made for them at once, so a
    /// copied object is grown once).
    private static let addedTestKeys = 9
    private static let addedAttemptKeys = 13

    /// Test `index` of run `run`, from its shared object; anything that is not the expected
    /// object is kept as it is.
    func test(
        _ test: TestResult, shared: MustacheValue, status: HTMLStatus, runAnchor: MustacheValue, run: Int, index: Int
    ) -> MustacheValue {
        guard case .object(var testObject) = shared, case .list(let sharedAttempts) = testObject["attempts"] else {
            return shared
        }
        let startsOpen = status.needsAttention && opensAttention
        var attempts: [MustacheValue] = []
        attempts.reserveCapacity(sharedAttempts.count)
        for (attemptIndex, (attempt, sharedAttempt)) in zip(test.attempts, sharedAttempts).enumerated() {
            guard case .object(var attemptObject) = sharedAttempt else {
                attempts.append(sharedAttempt)
                continue
            }
            let keepsTranscript = kept.contains(.init(run: run, test: index, attempt: attemptIndex))
            let isDeciding = attemptIndex == test.decidingAttemptIndex
            attemptObject.reserveCapacity(attemptObject.count + Self.addedAttemptKeys)
            HTMLReportContext.addValues(
                of: attempt, keepsTranscript: keepsTranscript, generatedAt: generatedAt, slowTurnText: slowTurnText,
                to: &attemptObject)
            attemptObject["anchor"] = .string(anchors.attempts[run][index][attemptIndex])
            // An audio player costs the browser far more than a link: only sections
            // that start open get one; the script adds it to others when they open.
            attemptObject["showsPlayer"] = .bool(startsOpen)
            attemptObject["isOpen"] = .bool(
                test.attempts.count == 1 || (isDeciding && status.needsAttention) || attempt.outcome.isProblem)
            attempts.append(.object(attemptObject))
        }
        testObject.reserveCapacity(testObject.count + Self.addedTestKeys)
        testObject["attempts"] = .list(attempts)
        testObject["runAnchor"] = runAnchor
        testObject["isOpen"] = .bool(startsOpen)
        HTMLReportContext.addValues(of: test, status: status, to: &testObject)
        return .object(testObject)
    }
}
