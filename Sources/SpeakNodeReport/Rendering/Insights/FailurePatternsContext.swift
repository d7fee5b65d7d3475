import Mustache

/// The template values of ``FailurePatterns``: groups of failed tests, most common first, each
/// with a `text` such as `7 tests: Agent did not confirm the time`, and `byReasonPreview`, the
/// ten most common, for summaries. Reasons and names are clipped (see ``InsightFormat``).
enum FailurePatternsContext {
    static func patterns(_ patterns: FailurePatterns) -> [String: MustacheValue] {
        let byReason = patterns.byReason.map(pattern)
        let byCompletionReason = patterns.byCompletionReason.map(pattern)
        return [
            "byReason": .list(byReason.map(MustacheValue.object)),
            "byReasonPreview": .list(byReason.prefix(previewLimit).map(MustacheValue.object)),
            "moreReasonPatterns": .int(max(0, byReason.count - previewLimit)),
            "hasMoreReasonPatterns": .bool(byReason.count > previewLimit),
            "byCompletionReason": .list(byCompletionReason.map(MustacheValue.object)),
            "hasPatterns": .bool(!patterns.isEmpty),
            "hasReasonPatterns": .bool(!byReason.isEmpty),
            "hasCompletionReasonPatterns": .bool(!byCompletionReason.isEmpty),
            "byCompletionReasonText": .string(patterns.byCompletionReason.map { pattern in
                "\(InsightFormat.clipped(pattern.text ?? noReasonText, to: InsightFormat.nameLength)) (\(pattern.count))"
            }.joined(separator: ", ")),
        ]
    }

    /// How many patterns a summary lists before "… and N more": the most common ones matter.
    static let previewLimit = 10

    /// Failures that gave no reason group under this text.
    static let noReasonText = "no reason given"

    static func pattern(_ pattern: FailurePattern) -> [String: MustacheValue] {
        let reason = InsightFormat.clipped(pattern.text ?? noReasonText, to: InsightFormat.reasonLength)
        let countText = ReportContext.counted(pattern.count, "test", "tests")
        return [
            "reason": .string(reason),
            "hasReason": .bool(pattern.text != nil),
            "count": .int(pattern.count),
            "countText": .string(countText),
            "text": .string("\(countText): \(reason)"),
            "tests": .list(pattern.tests.map { test in
                ["name": .string(InsightFormat.clipped(test.name, to: InsightFormat.nameLength)),
                 "id": .string(test.testID), "runID": .string(test.runID),
                 "runShortID": .string(ReportContext.shortened(test.runID))]
            }),
            "testsText": .string(pattern.tests.map { InsightFormat.clipped($0.name, to: InsightFormat.nameLength) }
                .joined(separator: ", ")),
        ]
    }
}
