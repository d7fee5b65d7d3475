import Mustache

/// The template values of ``FailurePatterns``: groups of failed tests, most common first, each
/// with a `text` such as `7 tests: Agent did not confirm the time`.
enum FailurePatternsContext {
    static func patterns(_ patterns: FailurePatterns) -> [String: MustacheValue] {
        let byReason = patterns.byReason.map(pattern)
        let byCompletionReason = patterns.byCompletionReason.map(pattern)
        return [
            "byReason": .list(byReason.map(MustacheValue.object)),
            "byCompletionReason": .list(byCompletionReason.map(MustacheValue.object)),
            "hasPatterns": .bool(!patterns.isEmpty),
            "hasReasonPatterns": .bool(!byReason.isEmpty),
            "hasCompletionReasonPatterns": .bool(!byCompletionReason.isEmpty),
            "byCompletionReasonText": .string(patterns.byCompletionReason.map { pattern in
                "\(pattern.text ?? noReasonText) (\(pattern.count))"
            }.joined(separator: ", ")),
        ]
    }

    /// Failures that gave no reason group under this text.
    static let noReasonText = "no reason given"

    static func pattern(_ pattern: FailurePattern) -> [String: MustacheValue] {
        let reason = pattern.text ?? noReasonText
        let countText = ReportContext.counted(pattern.count, "test", "tests")
        return [
            "reason": .string(reason),
            "hasReason": .bool(pattern.text != nil),
            "count": .int(pattern.count),
            "countText": .string(countText),
            "text": .string("\(countText): \(reason)"),
            "tests": .list(pattern.tests.map { test in
                ["name": .string(test.name), "id": .string(test.testID), "runID": .string(test.runID),
                 "runShortID": .string(ReportContext.shortened(test.runID))]
            }),
            "testsText": .string(pattern.tests.map(\.name).joined(separator: ", ")),
        ]
    }
}
