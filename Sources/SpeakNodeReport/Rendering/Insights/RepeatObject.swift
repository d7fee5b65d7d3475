import Mustache

/// How often a repeated test (one with more than one attempt) passed (README, "Repeat"):
/// `attempts`, `passed`, `evaluated`, `passRate` (`67%`), `hasPassRate` and `text`
/// (`2 of 3 evaluated attempts passed (67%)`); as an item of `repeatedTests`, also the test's
/// `name`, `id` and `runName`. Each value is worked out when a template looks it up: a large
/// report has thousands of repeated tests, listed by the root and by their run, and the
/// built-in templates show a few of them.
struct RepeatObject: MustacheObject {
    let test: TestResult
    /// The run's name for an item of `repeatedTests`; `nil` for a test's own `repeat`, which has
    /// no `name`, `id` or `runName` (a template inside `{{#repeat}}` gets the test's).
    let runName: String?

    enum Key: String, CaseIterable {
        case attempts, passed, evaluated, passRate, hasPassRate, text
        case name, id, runName
    }

    static let keys = NameTable(Key.allCases.map { ($0.rawValue, $0) })

    /// The test's `repeat`: `null` for a test with one attempt.
    static func value(of test: TestResult) -> MustacheValue {
        test.attempts.count > 1 ? .computed(RepeatObject(test: test, runName: nil)) : .null
    }

    /// The repeated tests of `run` as items of `repeatedTests`, in the run's order.
    static func items(of run: RunResult) -> [MustacheValue] {
        let runName = ReportContext.runName(run)
        return run.tests.compactMap { test in
            test.attempts.count > 1 ? .computed(RepeatObject(test: test, runName: runName)) : nil
        }
    }

    /// `2 of 3 evaluated attempts passed (67%)`, or `no attempt was evaluated`.
    static func text(of test: TestResult) -> String {
        test.attemptPassRate.map(InsightFormat.percentage).map {
            "\(test.passedAttemptCount) of \(test.evaluatedAttemptCount) evaluated attempts passed (\($0))"
        } ?? "no attempt was evaluated"
    }

    func member(_ name: String) -> MustacheValue? {
        guard let key = Self.keys[name] else { return nil }
        switch key {
        case .attempts: return .int(test.attempts.count)
        case .passed: return .int(test.passedAttemptCount)
        case .evaluated: return .int(test.evaluatedAttemptCount)
        case .passRate: return .string(test.attemptPassRate.map(InsightFormat.percentage) ?? "n/a")
        case .hasPassRate: return .bool(test.attemptPassRate != nil)
        case .text: return .string(Self.text(of: test))
        case .name: return runName.map { _ in .string(InsightFormat.clipped(test.name, to: InsightFormat.nameLength)) }
        case .id: return runName.map { _ in .string(test.id) }
        case .runName: return runName.map(MustacheValue.string)
        }
    }
}
