#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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
        let (kept, nonTestDeliveries) = deliveries.withUnsafeBufferPointer(Self.keptCopies)
        var redeliveries = 0
        var attemptsByRun: [String: [String: [CollectedAttempt]]] = [:]
        // In the order the sessions were read, not in hash order, so the deliveries (and the
        // texts they hold) are visited one after another in memory.
        for position in kept.indices {
            let candidate = kept[position].candidate, copies = kept[position].copies
            // Always there: only deliveries with a conversation become candidates.
            guard let conversation = deliveries[candidate.index].conversation else { continue }
            redeliveries += copies - 1
            let attempt = CollectedAttempt(
                key: candidate.key, conversation: conversation, source: candidate.source, redeliveries: copies - 1
            )
            attemptsByRun[candidate.runID, default: [:]][candidate.testID, default: []].append(attempt)
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

    /// The most complete copy of each test conversation's session, in the order the sessions
    /// were first read, with how many copies came; and how many deliveries were not test
    /// conversations.
    ///
    /// Copies are compared by the few fields that decide between them: no conversation is
    /// copied until the kept one goes into its test, and no list of copies is kept, since most
    /// sessions arrive once. The deliveries are read where they are stored (see
    /// ``Candidate/init(_:at:)``).
    private static func keptCopies(
        of deliveries: UnsafeBufferPointer<Delivery>
    ) -> (kept: [(candidate: Candidate, copies: Int)], nonTestDeliveries: Int) {
        var kept: [(candidate: Candidate, copies: Int)] = []
        var positionByKey: [AttemptKey: Int] = [:]
        // Room for twice the sessions: nearly every look-up misses (most sessions arrive once),
        // and a miss compares the key with each key along its probe sequence, a session id
        // stored elsewhere in memory; at most half full, those sequences stay short.
        positionByKey.reserveCapacity(2 * deliveries.count)
        var nonTestDeliveries = 0
        for index in deliveries.indices {
            guard let candidate = Candidate(deliveries, at: index) else {
                nonTestDeliveries += 1
                continue
            }
            if let position = positionByKey[candidate.key] {
                kept[position].copies += 1
                if Candidate.isMoreComplete(candidate, kept[position].candidate, in: deliveries) {
                    kept[position].candidate = candidate
                }
            } else {
                positionByKey[candidate.key] = kept.count
                kept.append((candidate, 1))
            }
        }
        return (kept, nonTestDeliveries)
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
    /// A delivery that is a test conversation: what groups it, and where to find what decides
    /// which copy of its session is kept (read only for sessions delivered more than once).
    struct Candidate {
        var key: AttemptKey
        var runID: String
        var testID: String
        /// Where the delivery is in the collected list.
        var index: Int
        var source: SourceLocation

        /// `nil` when the delivery at `index` is not a test conversation.
        ///
        /// The fields are read in place, through a buffer pointer, and all before any is
        /// checked: a copy of the delivery would retain every text of its conversation, and
        /// reading them from the array (`deliveries[index].source`) made the compiler copy it.
        init?(_ deliveries: UnsafeBufferPointer<Delivery>, at index: Int) {
            let event = deliveries[index].event
            let runID = deliveries[index].conversation?.testRunID
            let testID = deliveries[index].conversation?.testID
            let sessionID = deliveries[index].conversation?.sessionID
            let source = deliveries[index].source
            guard event == nil || event == Delivery.conversationComplete,
                  let runID = runID.nonBlankText, let testID = testID.nonBlankText
            else { return nil }
            self.key = sessionID.nonBlankText.map(AttemptKey.session) ?? .unidentified(source)
            self.runID = runID
            self.testID = testID
            self.index = index
            self.source = source
        }

        /// Whether `lhs` is the better copy of a session to keep.
        ///
        /// What decides is read here, not by every candidate: reading the verdict
        /// (`conversation?.evalResult?.success`) copies the whole delivery, retaining every text
        /// of its conversation, and most sessions arrive once and are never compared.
        static func isMoreComplete(_ lhs: Candidate, _ rhs: Candidate, in deliveries: UnsafeBufferPointer<Delivery>) -> Bool {
            let lhsHasVerdict = deliveries[lhs.index].conversation?.evalResult?.success != nil
            let rhsHasVerdict = deliveries[rhs.index].conversation?.evalResult?.success != nil
            if lhsHasVerdict != rhsHasVerdict { return lhsHasVerdict }
            switch (deliveries[lhs.index].conversation?.createdAt, deliveries[rhs.index].conversation?.createdAt) {
            case (.some(let l), .some(let r)) where l != r: return l > r
            case (.some, nil): return true
            case (nil, .some): return false
            default: return lhs.source < rhs.source
            }
        }
    }
}
