/// The evaluator's verdict on one conversation (`test_eval_result`).
public struct EvalResult: Sendable, Hashable {
    /// `nil` when the evaluator gave no verdict; such a conversation counts as not evaluated.
    public var success: Bool?
    public var reasons: [String]
    /// Why the simulated conversation ended (`StepsExhausted`, …), kept as it came.
    public var completionReason: String?

    public init(success: Bool? = nil, reasons: [String] = [], completionReason: String? = nil) {
        self.success = success
        self.reasons = reasons
        self.completionReason = completionReason
    }
}
