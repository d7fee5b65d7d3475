import SpeakNodeReport

/// The few lines on standard error after `render`: the verdict with counts, what was left out,
/// every input problem, and where each report went.
struct RunSummary {
    var report: Report
    var written: [WrittenFile]
    var style: TerminalStyle

    var lines: [String] {
        var lines = [verdict]
        if report.redeliveries > 0 {
            lines.append(
                "\(report.redeliveries) \(report.redeliveries == 1 ? "delivery was a redelivery" : "deliveries were redeliveries") of a session already seen, left out")
        }
        if report.nonTestDeliveries > 0 {
            let count = report.nonTestDeliveries
            lines.append("\(count) \(count == 1 ? "delivery was not a test conversation" : "deliveries were not test conversations")")
        }
        for problem in report.problems.sorted() {
            lines.append(style.paint("warning:", .yellow) + " \(problem)")
        }
        for file in written {
            lines.append("wrote \(file.format.displayName) to \(file.destination)")
        }
        return lines
    }

    /// `FAILED: 4 tests, 2 passed, 1 failed, 1 error, 0 skipped, 1 flaky, 6 attempts`.
    var verdict: String {
        let totals = report.totals
        let word: String
        if totals.tests == 0 {
            word = style.paint("NO TESTS", .yellow)
        } else if totals.failed + totals.errors > 0 {
            word = style.paint("FAILED", .red)
        } else {
            word = style.paint("PASSED", .green)
        }
        let counts = [
            counted(totals.tests, "test", "tests"),
            "\(totals.passed) passed",
            "\(totals.failed) failed",
            counted(totals.errors, "error", "errors"),
            "\(totals.skipped) skipped",
            "\(totals.flaky) flaky",
            counted(totals.attempts, "attempt", "attempts"),
        ]
        return "\(word): " + counts.joined(separator: ", ")
    }

    private func counted(_ count: Int, _ singular: String, _ plural: String) -> String {
        "\(count) \(count == 1 ? singular : plural)"
    }
}

extension ReportFormat {
    /// What the summary calls a file of this format.
    var displayName: String {
        switch self {
        case .junit: "JUnit XML"
        case .markdown: "Markdown summary"
        case .html: "HTML report"
        }
    }
}
