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
        deliveries.withUnsafeBufferPointer { deliveries in
            Self.collect(deliveries) { deliveries[$0].conversation }
        }
    }

    /// The same collection as ``collect(_:)``, for a caller done with the deliveries: each kept
    /// conversation is moved into its attempt, leaving its delivery without one.
    ///
    /// Copying a conversation retains every text it holds (some 20 references), and the
    /// deliveries then release them all again when they are freed; for 12,000 deliveries that
    /// copying was about a fifth of the collecting time, on one core between decoding and
    /// evaluating.
    public func collect(taking deliveries: inout [Delivery]) -> CollectedInput {
        deliveries.withUnsafeMutableBufferPointer { deliveries in
            Self.collect(UnsafeBufferPointer(deliveries)) { deliveries[$0].conversation.take() }
        }
    }

    /// The collection of `deliveries`, each kept conversation got from `conversation` (called
    /// once for each kept delivery, after everything else about it has been read).
    private static func collect(_ deliveries: UnsafeBufferPointer<Delivery>,
                                conversation: (Int) -> Conversation?) -> CollectedInput {
        let (kept, nonTestDeliveries) = keptCopies(of: deliveries)
        return kept.withUnsafeBufferPointer { kept in
            var collection = grouped(kept, of: deliveries, conversation: conversation)
            collection.nonTestDeliveries = nonTestDeliveries
            return collection
        }
    }

    /// The kept copies grouped into runs, tests and attempts, each in order, and how many
    /// redeliveries were left out.
    ///
    /// Runs and tests gather the kept copies' positions, not attempts: the positions are sorted,
    /// reading the times in place, and each attempt is made once, where it stays. Gathering
    /// attempts instead copied each candidate (retaining its texts) and moved the large attempt
    /// values as the lists grew and were sorted.
    private static func grouped(_ kept: UnsafeBufferPointer<KeptCopy>, of deliveries: UnsafeBufferPointer<Delivery>,
                                conversation: (Int) -> Conversation?) -> CollectedInput {
        var positionsByRun: [String: [String: [Int]]] = [:]
        // In the order the sessions were read, not in hash order, so the deliveries (and the
        // texts they hold) are visited one after another in memory.
        for position in kept.indices {
            let delivery = kept[position].candidate.index
            // Always there and not blank: only such deliveries become candidates.
            guard let runID = deliveries[delivery].conversation?.testRunID,
                  let testID = deliveries[delivery].conversation?.testID
            else { continue }
            positionsByRun[runID, default: [:]][testID, default: []].append(position)
        }
        var redeliveries = 0
        var runs: [CollectedRun] = []
        runs.reserveCapacity(positionsByRun.count)
        // Dictionary keys are unique, so sorting the entries by key orders them as sorting the keys.
        for (runID, positionsByTest) in positionsByRun.sorted(by: { $0.key < $1.key }) {
            var tests: [CollectedTest] = []
            tests.reserveCapacity(positionsByTest.count)
            for (testID, positions) in positionsByTest.sorted(by: { $0.key < $1.key }) {
                let attempts = positions.sorted { isEarlier($0, $1, of: kept, in: deliveries) }
                    .compactMap { position -> CollectedAttempt? in
                        let delivery = kept[position].candidate.index
                        // Always there: only deliveries with a conversation become candidates.
                        guard let conversation = conversation(delivery) else { return nil }
                        let copies = kept[position].copies
                        redeliveries += copies - 1
                        return CollectedAttempt(key: kept[position].candidate.key, conversation: conversation,
                                                source: deliveries[delivery].source, redeliveries: copies - 1)
                    }
                tests.append(CollectedTest(id: testID, runID: runID, attempts: attempts))
            }
            runs.append(CollectedRun(id: runID, tests: tests))
        }
        return CollectedInput(runs: runs, redeliveries: redeliveries)
    }

    /// A session's most complete copy so far, and how many copies of it came.
    typealias KeptCopy = (candidate: Candidate, copies: Int)

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
    ) -> (kept: [KeptCopy], nonTestDeliveries: Int) {
        var kept: [KeptCopy] = []
        kept.reserveCapacity(deliveries.count)
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
            if let position = storedPosition(in: &positionByKey[candidate.key], orStoring: kept.count) {
                kept[position].copies += 1
                if Candidate.isMoreComplete(candidate, kept[position].candidate, in: deliveries) {
                    kept[position].candidate = candidate
                }
            } else {
                kept.append((candidate, 1))
            }
        }
        return (kept, nonTestDeliveries)
    }

    /// The position a dictionary slot holds, or `nil` after storing `newPosition` in the empty
    /// slot. Given the slot in place (`&dictionary[key]`), a session seen for the first time,
    /// as most are, costs one hash of its key instead of a look-up and then an insertion.
    private static func storedPosition(in slot: inout Int?, orStoring newPosition: Int) -> Int? {
        if let position = slot { return position }
        slot = newPosition
        return nil
    }

    /// The order of attempts within a test: by `start_time`, then `created_at` (missing times
    /// last), then key, then source. The times are read in place: a copy of a conversation
    /// would retain all its texts.
    private static func isEarlier(_ lhsPosition: Int, _ rhsPosition: Int, of kept: UnsafeBufferPointer<KeptCopy>,
                                  in deliveries: UnsafeBufferPointer<Delivery>) -> Bool {
        let lhs = kept[lhsPosition].candidate.index, rhs = kept[rhsPosition].candidate.index
        if let earlier = MissingLastOrder.precedes(deliveries[lhs].conversation?.startTime,
                                                   deliveries[rhs].conversation?.startTime) {
            return earlier
        }
        if let earlier = MissingLastOrder.precedes(deliveries[lhs].conversation?.createdAt,
                                                   deliveries[rhs].conversation?.createdAt) {
            return earlier
        }
        if kept[lhsPosition].candidate.key != kept[rhsPosition].candidate.key {
            return kept[lhsPosition].candidate.key < kept[rhsPosition].candidate.key
        }
        return deliveries[lhs].source < deliveries[rhs].source
    }
}

extension Collector {
    /// A delivery that is a test conversation: what groups it, and where to find what decides
    /// which copy of its session is kept (read only for sessions delivered more than once).
    struct Candidate {
        var key: AttemptKey
        /// Where the delivery is in the collected list; its run, test and source are read there
        /// when needed rather than copied into every candidate.
        var index: Int

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
            guard event == nil || event == Delivery.conversationComplete,
                  runID.nonBlankText != nil, testID.nonBlankText != nil
            else { return nil }
            self.key = sessionID.nonBlankText.map(AttemptKey.session) ?? .unidentified(deliveries[index].source)
            self.index = index
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
            default: return deliveries[lhs.index].source < deliveries[rhs.index].source
            }
        }
    }
}
