#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SpeakNodeReport

/// The insight options of `render`, read and checked before any input is read: the budget
/// parsed, the baseline file loaded and validated.
struct InsightsSetup {
    var budget: LatencyBudget
    var latencyGate: LatencyGate?
    /// `--json FILE`, when given.
    var summaryPath: String?
    /// The `--baseline` document, when given.
    var baseline: SummaryDocument?
    /// `--latency-threshold` as a share (0.2 for 20 %).
    var latencyThreshold: Double

    init(_ arguments: ParsedArguments) throws(CommandFailure) {
        if let text = arguments.value("budget") {
            do {
                budget = try LatencyBudget(parsing: text)
            } catch {
                throw CommandFailure("--budget \(text): \(error)")
            }
        } else {
            budget = .default
        }
        // The parser has checked the value against the allowed ones.
        latencyGate = arguments.value("fail-on-latency").flatMap(LatencyGate.init(rawValue:))
        summaryPath = arguments.value("json")
        latencyThreshold = try Self.threshold(arguments.value("latency-threshold"))
        baseline = try arguments.value("baseline").map { path throws(CommandFailure) in try BaselineFile.load(from: path) }
    }

    /// `20%` or `20` → 0.2; `nil` gives the default.
    static func threshold(_ text: String?) throws(CommandFailure) -> Double {
        guard let text else { return BaselineComparison.defaultLatencyThreshold }
        var digits = Substring(text)
        while digits.first?.isWhitespace == true { digits.removeFirst() }
        while digits.last?.isWhitespace == true { digits.removeLast() }
        if digits.hasSuffix("%") { digits.removeLast() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              let percent = Double(digits), percent.isFinite
        else {
            throw CommandFailure("--latency-threshold \(text) is not a percentage such as 20% or 12.5")
        }
        return percent / 100
    }

    /// The comparison of `report` with the baseline, when one was given.
    func comparison(with report: Report) -> BaselineComparison? {
        baseline.map { BaselineComparison(baseline: $0, report: report, latencyThreshold: latencyThreshold) }
    }
}
