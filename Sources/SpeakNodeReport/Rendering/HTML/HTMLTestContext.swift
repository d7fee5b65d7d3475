#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Mustache

/// What the HTML values of every test of one report are worked out from: which transcripts fit
/// the budget, whether tests that need attention start open.
///
/// One for the whole report, shared by reference by every test's and attempt's object
/// (``HTMLTestObject``, ``HTMLAttemptObject``), which compare it by identity: it is made once
/// per report, and comparing its sets would cost more than it could tell.
final class HTMLTestContext: Sendable, Hashable {
    /// Whether each attempt of the report, in report order, keeps its transcript (it fits in
    /// the report's transcript budget): see ``HTMLReportContext/TranscriptSelection``.
    let kept: [Bool]
    /// Whether tests that need attention start open (they do unless there are too many).
    let opensAttention: Bool
    let generatedAt: Date?
    let slowTurnText: SlowTurnText

    init(
        kept: [Bool], opensAttention: Bool, generatedAt: Date?, slowTurnText: SlowTurnText
    ) {
        self.kept = kept
        self.opensAttention = opensAttention
        self.generatedAt = generatedAt
        self.slowTurnText = slowTurnText
    }

    static func == (lhs: HTMLTestContext, rhs: HTMLTestContext) -> Bool { lhs === rhs }

    func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}

/// One test of the HTML report: the shared test (``TestObject``) with the HTML report's own
/// values (README, "HTML report only"), and its attempts as ``HTMLAttemptObject``s; each value
/// worked out when a template looks it up.
struct HTMLTestObject: MustacheObject {
    let shared: TestObject
    let context: HTMLTestContext
    let status: HTMLStatus
    let runAnchor: MustacheValue
    /// The place of the test's first attempt among all attempts of the report, in report order
    /// (where its flags start in ``HTMLTestContext/kept``).
    let firstAttempt: Int

    enum HTMLKey: String, CaseIterable {
        case attempts, runAnchor, isOpen, category, categoryLabel, categoryRank, needsAttention, firstReason, searchText
    }

    enum Key: Hashable {
        case shared(TestObject.Key)
        case html(HTMLKey)
    }

    /// The shared test's keys and the HTML ones (its `attempts` replacing the shared test's),
    /// in one table: one look-up finds either.
    static let keys: NameTable<Key> = TestObject.keys.mapValues(Key.shared)
        .merging(HTMLKey.allCases.map { ($0.rawValue, Key.html($0)) }) { _, html in html }

    func member(_ name: String) -> MustacheValue? {
        guard let key = Self.keys[name] else { return nil }
        switch key {
        case .shared(let key): return shared.value(key)
        case .html(let key): return value(key)
        }
    }

    /// Whether the test's section starts open.
    private var startsOpen: Bool { status.needsAttention && context.opensAttention }

    private func value(_ key: HTMLKey) -> MustacheValue {
        switch key {
        case .attempts: return .list(shared.test.attempts.indices.map { .computed(attempt(at: $0)) })
        case .runAnchor: return runAnchor
        case .isOpen: return .bool(startsOpen)
        case .category: return .string(status.rawValue)
        case .categoryLabel: return .string(status.label)
        case .categoryRank: return .int(status.rank)
        case .needsAttention: return .bool(status.needsAttention)
        case .firstReason: return .string(Self.firstReason(shared.test))
        case .searchText: return .string(Self.searchText(shared.test))
        }
    }

    /// The deciding attempt's first reason, else its message.
    ///
    /// Its fields are read in place (`test.attempts[index].reasons`): copying the attempt out
    /// would retain and release every text of its conversation.
    private static func firstReason(_ test: TestResult) -> String {
        let index = test.decidingAttemptIndex
        guard test.attempts.indices.contains(index) else { return "" }
        return test.attempts[index].reasons.first ?? test.attempts[index].message
    }

    /// What the filter searches besides the name and the first reason, one a line: the test id
    /// when the name hides it, then every attempt's reasons other than the first reason.
    ///
    /// Written into one text as they are found: no array of the reasons is gathered, filtered
    /// and joined for every test.
    private static func searchText(_ test: TestResult) -> String {
        let firstReason = firstReason(test)
        var text = ""
        var isFirstLine = true
        func appendLine(_ line: String) {
            if !isFirstLine { text += "\n" }
            text += line
            isFirstLine = false
        }
        if test.name != test.id { appendLine(test.id) }
        for index in test.attempts.indices {
            for reason in test.attempts[index].reasons where reason != firstReason {
                appendLine(reason)
            }
        }
        return text
    }

    private func attempt(at attemptIndex: Int) -> HTMLAttemptObject {
        let isDeciding = attemptIndex == shared.test.decidingAttemptIndex
        // Read before the attempt is copied into its object, which then moves into the HTML one.
        let isOpen = shared.test.attempts.count == 1 || (isDeciding && status.needsAttention)
            || shared.test.attempts[attemptIndex].outcome.isProblem
        return HTMLAttemptObject(
            shared: shared.attempt(at: attemptIndex), context: context,
            anchor: shared.attemptAnchors[attemptIndex],
            keepsTranscript: context.kept[firstAttempt + attemptIndex],
            // An audio player costs the browser far more than a link: only sections that start
            // open get one; the script adds it to others when they open.
            showsPlayer: startsOpen,
            isOpen: isOpen)
    }
}

/// One attempt of the HTML report: the shared attempt (``AttemptObject``) with its evaluation
/// in words, its recording's expiry, its anchor, whether it starts open, and its turns when they
/// fit the report's transcript budget.
struct HTMLAttemptObject: MustacheObject {
    let shared: AttemptObject
    let context: HTMLTestContext
    let anchor: String
    let keepsTranscript: Bool
    let showsPlayer: Bool
    let isOpen: Bool
    /// The recording as a link (``WebLink``), or `nil`. The template asks about the link
    /// half a dozen times an attempt (whether there is one, the link, its expiry): vetted once.
    let recordingURL: String?
    /// When the recording link stops working (`2026-12-05 17:52:03 UTC`), when there is a link
    /// and the payload says; and the shared attempt's `startedAt`. The template reads each
    /// twice: written once.
    let expiryText: String?
    let startedAt: MustacheValue

    init(shared: AttemptObject, context: HTMLTestContext, anchor: String, keepsTranscript: Bool, showsPlayer: Bool, isOpen: Bool) {
        let recordingURL = WebLink.http(shared.attempt.conversation.audioURL)
        self.recordingURL = recordingURL
        expiryText = recordingURL == nil ? nil : shared.attempt.conversation.audioURLExpiresAt.map { UTCTimestamp($0).readable }
        startedAt = shared.value(.startedAt)
        self.context = context
        self.anchor = anchor
        self.keepsTranscript = keepsTranscript
        self.showsPlayer = showsPlayer
        self.isOpen = isOpen
        // Last: the attempt moves in rather than being copied (retaining all it holds) while it is still read.
        self.shared = shared
    }

    enum HTMLKey: String, CaseIterable {
        case successText, isEvaluated, recordingExpiresAt, isRecordingExpired, recordingExpiredText
        case turnCount, turnsText, turns, hasTurns, isTranscriptLeftOut, anchor, showsPlayer, isOpen
    }

    enum Key: Hashable {
        case shared(AttemptObject.Key)
        case html(HTMLKey)
    }

    /// The shared attempt's keys and the HTML ones, in one table (see ``HTMLTestObject/keys``).
    static let keys: NameTable<Key> = AttemptObject.keys.mapValues(Key.shared)
        .merging(HTMLKey.allCases.map { ($0.rawValue, Key.html($0)) }) { _, html in html }

    func member(_ name: String) -> MustacheValue? {
        guard let key = Self.keys[name] else { return nil }
        switch key {
        // The shared attempt's values, from the link vetted once.
        case .shared(.recordingURL): return MustacheValue(recordingURL)
        case .shared(.recordingText): return MustacheValue(hasRecording ? nil : shared.attempt.conversation.audioURL)
        case .shared(.startedAt): return startedAt
        case .shared(let key): return shared.value(key)
        case .html(let key): return value(key)
        }
    }

    private func value(_ key: HTMLKey) -> MustacheValue {
        switch key {
        case .successText:
            let evaluation = shared.attempt.conversation.evalResult
            return switch evaluation?.success {
            case true?: "Yes"
            case false?: "No"
            case nil: evaluation == nil ? "Not evaluated" : "No verdict given"
            }
        case .isEvaluated: return .bool(shared.attempt.conversation.evalResult != nil)
        case .recordingExpiresAt: return MustacheValue(expiryText)
        case .isRecordingExpired: return .bool(isRecordingExpired)
        case .recordingExpiredText:
            guard isRecordingExpired else { return .null }
            // Written into one text sized for it: an interpolation grows its text piece by piece.
            var text = ""
            text.reserveCapacity(160)
            text += "The recording link expired on "
            text += expiryText ?? "an earlier date"
            text += ", before the latest data in this report; it will probably not play."
            return .string(text)
        case .turnCount: return .int(shared.attempt.conversation.history.count)
        case .turnsText: return .string(ReportContext.counted(shared.attempt.conversation.history.count, "turn", "turns"))
        // The turns are most of the report: built when the template renders them (one per turn).
        case .turns:
            return keepsTranscript ? .list(HTMLTranscript.turns(of: shared.attempt.conversation, slowTurnText: context.slowTurnText)) : .list([])
        case .hasTurns: return .bool(keepsTranscript && !shared.attempt.conversation.history.isEmpty)
        case .isTranscriptLeftOut: return .bool(!keepsTranscript && !shared.attempt.conversation.history.isEmpty)
        case .anchor: return .string(anchor)
        case .showsPlayer: return .bool(showsPlayer)
        case .isOpen: return .bool(isOpen)
        }
    }

    private var hasRecording: Bool { recordingURL != nil }

    /// Whether the recording link had expired by the latest data in the report.
    private var isRecordingExpired: Bool {
        let expiresAt = shared.attempt.conversation.audioURLExpiresAt
        return hasRecording && expiresAt.flatMap { expiry in context.generatedAt.map { expiry < $0 } } == true
    }
}
