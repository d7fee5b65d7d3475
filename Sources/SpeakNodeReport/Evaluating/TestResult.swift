/// One test (`test_id`) of a run, with every attempt and the outcome they add up to.
public struct TestResult: Sendable, Hashable {
    public var id: String
    /// The display name from `--names`, else the test id.
    public var name: String
    public var runID: String
    /// The agent of the deciding attempt (empty when no attempt named one).
    public var agentName: String
    /// Attempts in order: `start_time`, then `created_at`, then `session_id`.
    public var attempts: [AttemptResult]
    /// Index into `attempts` of the attempt that decided the outcome.
    public var decidingAttemptIndex: Int
    public var outcome: Outcome
    /// Attempts disagree on the outcome.
    public var isFlaky: Bool
    /// Sum of the attempts' `duration_seconds`.
    public var duration: Double
    /// Latency, slow turns and signals of all attempts together.
    public var insights: Insights
    /// Set when `--fail-on-latency` turned a pass into a failure (`outcome` is then `.failed`
    /// although ``decidingAttempt`` passed); its ``LatencyFailure/message`` is the failure message.
    public var latencyFailure: LatencyFailure?

    /// `insights` defaults to the attempts' insights combined.
    public init(
        id: String, name: String, runID: String, agentName: String, attempts: [AttemptResult],
        decidingAttemptIndex: Int, outcome: Outcome, isFlaky: Bool, duration: Double,
        insights: Insights? = nil, latencyFailure: LatencyFailure? = nil
    ) {
        self.id = id
        self.name = name
        self.runID = runID
        self.agentName = agentName
        self.attempts = attempts
        self.decidingAttemptIndex = decidingAttemptIndex
        self.outcome = outcome
        self.isFlaky = isFlaky
        self.duration = duration
        self.insights = insights ?? Insights(combining: attempts.map(\.insights))
        self.latencyFailure = latencyFailure
    }

    /// The attempt whose outcome is the test's.
    public var decidingAttempt: AttemptResult { attempts[decidingAttemptIndex] }
}
