import Foundation
import Mustache
import Testing
@testable import SpeakNodeReport

@Suite("HTML anchors")
struct HTMLAnchorTests {
    static func isSafe(_ anchor: String) -> Bool {
        !anchor.isEmpty && anchor.unicodeScalars.allSatisfy(HTMLAnchor.isAllowed)
    }

    @Test("A clean id is used as it is")
    func cleanIDs() {
        #expect(HTMLAnchor.test("checkout-01_a") == "test-checkout-01_a")
        #expect(HTMLAnchor.run("01dbc221-8963-4bd7-8591-4a1f9d286862") == "run-01dbc221-8963-4bd7-8591-4a1f9d286862")
    }

    @Test("Any other id is sanitised and gets a stable hash, so ids that sanitise alike stay apart")
    func sanitised() {
        let spaced = HTMLAnchor.test("a b")
        let slashed = HTMLAnchor.test("a/b")
        #expect(spaced.hasPrefix("test-a_b-"))
        #expect(slashed.hasPrefix("test-a_b-"))
        #expect(spaced != slashed)
        #expect(spaced != HTMLAnchor.test("a_b"))
        #expect(HTMLAnchor.test("a b") == spaced, "the same id always gives the same anchor")
        #expect(HTMLAnchor.hash("") == "811c9dc5", "FNV-1a offset basis: the hash does not depend on the process")
        #expect(HTMLAnchor.hash("a") == "e40c292c")
        for id in ["", "\"><img src=x onerror=alert(1)>", "ünïcødé 🎉", "#top", String(repeating: "x", count: 500)] {
            let anchor = HTMLAnchor.test(id)
            #expect(Self.isSafe(anchor), "\(anchor)")
            #expect(anchor.count <= "test-".count + HTMLAnchor.maximumIDLength + 9)
        }
        #expect(HTMLAnchor.test(String(repeating: "x", count: 64)) == "test-" + String(repeating: "x", count: 64))
        #expect(HTMLAnchor.test(String(repeating: "x", count: 65)) != HTMLAnchor.test(String(repeating: "x", count: 66)))
    }

    @Test("Every run, test and attempt of a report gets its own anchor; the first run keeps the plain test anchor")
    func unique() {
        let shared = ReportFixture.test(id: "same", attempts: [ReportFixture.attempt(.passed, ReportFixture.conversation(session: "s"))])
        let other = ReportFixture.test(id: "same-attempt-1", attempts: [ReportFixture.attempt(.passed, ReportFixture.conversation(session: "t"))])
        var first = ReportFixture.report(tests: [shared, other]).runs[0]
        var second = first
        second.id = "second-run"
        first.tests = [shared, other]
        let report = Report(
            runs: [first, second], totals: Counts(), policy: .latest, redeliveries: 0, nonTestDeliveries: 0, problems: [],
            generatedAt: nil)
        let book = HTMLAnchorBook(report: report)
        #expect(book.tests[0] == ["test-same", "test-same-attempt-1"])
        #expect(book.tests[1] == ["test-same-in-run-second-run", "test-same-attempt-1-in-run-second-run"])
        #expect(book.attempts[0][0] == ["test-same-attempt-1-2"], "a test took the plain attempt name first")
        let all = book.runs + book.tests.joined() + book.attempts.joined().joined()
        #expect(Set(all).count == all.count)
        #expect(all.allSatisfy(Self.isSafe))
        // The report's tests and attempts carry the book's anchors, in the HTML report too.
        let html = HTMLReportContext(report: report, shared: ReportContext(report: report, options: RenderOptions()).value).value
        for run in report.runs.indices {
            for test in report.runs[run].tests.indices {
                #expect(lookup(html, "runs.\(run).tests.\(test).anchor") == .string(book.tests[run][test]))
                #expect(lookup(html, "runs.\(run).tests.\(test).attempts.0.anchor") == .string(book.attempts[run][test][0]))
            }
        }
    }
}
