import Foundation

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
        // The most complete copy of each session so far, and how many copies came. Copies are
        // compared by the few fields that decide between them: no conversation is copied
        // until the kept one goes into its test, and no list of copies is kept, since most
        // sessions arrive once.
        var keptByKey: [AttemptKey: (kept: Candidate, copies: Int)] = [:]
        keptByKey.reserveCapacity(deliveries.count)

        for index in deliveries.indices {
            guard let candidate = Candidate(deliveries, at: index) else {
                nonTestDeliveries += 1
                continue
            }
            if let entry = keptByKey.index(forKey: candidate.key) {
                keptByKey.values[entry].copies += 1
                if Candidate.isMoreComplete(candidate, keptByKey.values[entry].kept) {
                    keptByKey.values[entry].kept = candidate
                }
            } else {
                keptByKey[candidate.key] = (candidate, 1)
            }
        }

        var redeliveries = 0
        var attemptsByRun: [String: [String: [CollectedAttempt]]] = [:]
        for (key, (kept, copies)) in keptByKey {
            // Always there: only deliveries with a conversation become candidates.
            guard let conversation = deliveries[kept.index].conversation else { continue }
            redeliveries += copies - 1
            let attempt = CollectedAttempt(
                key: key, conversation: conversation, source: kept.source, redeliveries: copies - 1
            )
            attemptsByRun[kept.runID, default: [:]][kept.testID, default: []].append(attempt)
        }

        // Each list is taken out of its dictionary before it is sorted, so it is sorted in
        // place rather than copied (with every conversation retained) and then freed.
        var runs: [CollectedRun] = []
        for runID in attemptsByRun.keys.sorted() {
            var attemptsByTest = attemptsByRun.removeValue(forKey: runID) ?? [:]
            var tests: [CollectedTest] = []
            for testID in attemptsByTest.keys.sorted() {
                var attempts = attemptsByTest.removeValue(forKey: testID) ?? []
                attempts.sort(by: Self.isEarlier)
                tests.append(CollectedTest(id: testID, runID: runID, attempts: attempts))
            }
            runs.append(CollectedRun(id: runID, tests: tests))
        }
        return CollectedInput(runs: runs, redeliveries: redeliveries, nonTestDeliveries: nonTestDeliveries)
    }

    /// The order of attempts within a test.
    static func isEarlier(_ lhs: CollectedAttempt, _ rhs: CollectedAttempt) -> Bool {
        // The times are read in place: a copy of each conversation would retain all its texts.
        if let earlier = MissingLastOrder.precedes(lhs.conversation.startTime, rhs.conversation.startTime) {
            return earlier
        }
        if let earlier = MissingLastOrder.precedes(lhs.conversation.createdAt, rhs.conversation.createdAt) {
            return earlier
        }
        if lhs.key != rhs.key { return lhs.key < rhs.key }
        return lhs.source < rhs.source
    }
}

extension Collector {
    /// A delivery that is a test conversation: what groups it and what decides which copy
    /// of its session is kept.
    struct Candidate {
        var key: AttemptKey
        var runID: String
        var testID: String
        /// Where the delivery is in the collected list.
        var index: Int
        var source: SourceLocation
        /// Whether the evaluator gave a verdict (`test_eval_result.success`).
        var hasVerdict: Bool
        var createdAt: Date?

        /// `nil` when the delivery at `index` is not a test conversation. Fields are read in
        /// place (`deliveries[index].conversation?…`): a copy of the delivery would retain
        /// every text of its conversation.
        init?(_ deliveries: [Delivery], at index: Int) {
            guard deliveries[index].event == nil || deliveries[index].event == Delivery.conversationComplete,
                  let runID = deliveries[index].conversation?.testRunID.nonBlankText,
                  let testID = deliveries[index].conversation?.testID.nonBlankText
            else { return nil }
            let source = deliveries[index].source
            self.key = deliveries[index].conversation?.sessionID.nonBlankText.map(AttemptKey.session)
                ?? .unidentified(source)
            self.runID = runID
            self.testID = testID
            self.index = index
            self.source = source
            self.hasVerdict = deliveries[index].conversation?.evalResult?.success != nil
            self.createdAt = deliveries[index].conversation?.createdAt
        }

        /// Whether `lhs` is the better copy of a session to keep.
        static func isMoreComplete(_ lhs: Candidate, _ rhs: Candidate) -> Bool {
            if lhs.hasVerdict != rhs.hasVerdict { return lhs.hasVerdict }
            switch (lhs.createdAt, rhs.createdAt) {
            case (.some(let l), .some(let r)) where l != r: return l > r
            case (.some, nil): return true
            case (nil, .some): return false
            default: return lhs.source < rhs.source
            }
        }
    }
}
