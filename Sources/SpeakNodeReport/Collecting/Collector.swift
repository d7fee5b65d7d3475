/// Groups deliveries into runs, tests and attempts.
///
/// The rules, each chosen so that the result depends only on *which* deliveries were read,
/// never on the order they arrived in:
///
/// - **Test conversations.** A delivery is a test conversation when its event is
///   `ConversationComplete` — or missing, for input that holds bare conversation envelopes —
///   and its conversation carries a non-blank `test_run_id` and `test_id`. Every other
///   delivery (other events, no `data`, conversations that were not tests) is counted in
///   ``CollectedInput/nonTestDeliveries``.
/// - **Attempts.** Each `session_id` is one attempt. A conversation without a (non-blank)
///   `session_id` is still an attempt of its own, keyed by where it was read
///   (``AttemptKey/unidentified(_:)``), and is never merged with another.
/// - **Redeliveries.** A session is one conversation, so copies are matched by `session_id`
///   across the whole input, even when a copy names a different run or test. The most
///   complete copy is kept — one with a verdict (`test_eval_result.success`) over one without,
///   then the later `created_at`, then the one read first (smaller ``SourceLocation``) — and
///   it decides the run and test the attempt belongs to. The others are counted in
///   ``CollectedInput/redeliveries``.
/// - **Order.** Runs by id, tests by id, attempts by `start_time`, then `created_at`
///   (missing times last), then session id (conversations without one last), then source.
public struct Collector: Sendable {
    public init() {}

    public func collect(_ deliveries: [Delivery]) -> CollectedInput {
        var nonTestDeliveries = 0
        var copiesByKey: [AttemptKey: [Candidate]] = [:]

        for delivery in deliveries {
            guard let candidate = Candidate(delivery) else {
                nonTestDeliveries += 1
                continue
            }
            copiesByKey[candidate.key, default: []].append(candidate)
        }

        var redeliveries = 0
        var attemptsByRun: [String: [String: [CollectedAttempt]]] = [:]
        for (key, copies) in copiesByKey {
            guard let kept = copies.min(by: Candidate.isMoreComplete) else { continue }
            redeliveries += copies.count - 1
            let attempt = CollectedAttempt(
                key: key, conversation: kept.conversation, source: kept.source, redeliveries: copies.count - 1
            )
            attemptsByRun[kept.runID, default: [:]][kept.testID, default: []].append(attempt)
        }

        let runs = attemptsByRun.keys.sorted().map { runID in
            let attemptsByTest = attemptsByRun[runID] ?? [:]
            let tests = attemptsByTest.keys.sorted().map { testID in
                CollectedTest(
                    id: testID, runID: runID,
                    attempts: (attemptsByTest[testID] ?? []).sorted(by: Self.isEarlier)
                )
            }
            return CollectedRun(id: runID, tests: tests)
        }
        return CollectedInput(runs: runs, redeliveries: redeliveries, nonTestDeliveries: nonTestDeliveries)
    }

    /// The order of attempts within a test.
    static func isEarlier(_ lhs: CollectedAttempt, _ rhs: CollectedAttempt) -> Bool {
        let l = lhs.conversation, r = rhs.conversation
        if let earlier = MissingLastOrder.precedes(l.startTime, r.startTime) { return earlier }
        if let earlier = MissingLastOrder.precedes(l.createdAt, r.createdAt) { return earlier }
        if lhs.key != rhs.key { return lhs.key < rhs.key }
        return lhs.source < rhs.source
    }
}

extension Collector {
    /// A delivery that is a test conversation, with the ids it is grouped by.
    struct Candidate {
        var key: AttemptKey
        var runID: String
        var testID: String
        var conversation: Conversation
        var source: SourceLocation

        /// `nil` when the delivery is not a test conversation.
        init?(_ delivery: Delivery) {
            guard delivery.event == nil || delivery.event == Delivery.conversationComplete,
                  let conversation = delivery.conversation,
                  let runID = conversation.testRunID.nonBlankText,
                  let testID = conversation.testID.nonBlankText
            else { return nil }
            self.key = conversation.sessionID.nonBlankText.map(AttemptKey.session) ?? .unidentified(delivery.source)
            self.runID = runID
            self.testID = testID
            self.conversation = conversation
            self.source = delivery.source
        }

        var hasVerdict: Bool { conversation.evalResult?.success != nil }

        /// Whether `lhs` is the better copy of a session to keep (so the minimum is kept).
        static func isMoreComplete(_ lhs: Candidate, _ rhs: Candidate) -> Bool {
            if lhs.hasVerdict != rhs.hasVerdict { return lhs.hasVerdict }
            switch (lhs.conversation.createdAt, rhs.conversation.createdAt) {
            case (.some(let l), .some(let r)) where l != r: return l > r
            case (.some, nil): return true
            case (nil, .some): return false
            default: return lhs.source < rhs.source
            }
        }
    }
}
