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
    /// The attempts whose transcripts fit in the report's transcript budget.
    let kept: Set<HTMLReportContext.AttemptPosition>
    /// Whether tests that need attention start open (they do unless there are too many).
    let opensAttention: Bool
    let generatedAt: Date?
    let slowTurnText: SlowTurnText

    init(
        kept: Set<HTMLReportContext.AttemptPosition>, opensAttention: Bool, generatedAt: Date?, slowTurnText: SlowTurnText
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
    /// The test's place in the report: run `run`, test `index`.
    let run: Int
    let index: Int

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
        let test = shared.test
        switch key {
        case .attempts: return .list(test.attempts.indices.map { .computed(attempt(at: $0)) })
        case .runAnchor: return runAnchor
        case .isOpen: return .bool(startsOpen)
        case .category: return .string(status.rawValue)
        case .categoryLabel: return .string(status.label)
        case .categoryRank: return .int(status.rank)
        case .needsAttention: return .bool(status.needsAttention)
        case .firstReason: return .string(Self.firstReason(test))
        case .searchText:
            let firstReason = Self.firstReason(test)
            let otherReasons = test.attempts.flatMap(\.reasons).filter { $0 != firstReason }
            let hiddenID = test.name == test.id ? [] : [test.id]
            return .string((hiddenID + otherReasons).joined(separator: "\n"))
        }
    }

    /// The deciding attempt's first reason, else its message.
    private static func firstReason(_ test: TestResult) -> String {
        guard test.attempts.indices.contains(test.decidingAttemptIndex) else { return "" }
        let deciding = test.attempts[test.decidingAttemptIndex]
        return deciding.reasons.first ?? deciding.message
    }

    private func attempt(at attemptIndex: Int) -> HTMLAttemptObject {
        let test = shared.test
        let isDeciding = attemptIndex == test.decidingAttemptIndex
        return HTMLAttemptObject(
            shared: shared.attempt(at: attemptIndex), context: context,
            anchor: shared.attemptAnchors[attemptIndex],
            keepsTranscript: context.kept.contains(.init(run: run, test: index, attempt: attemptIndex)),
            // An audio player costs the browser far more than a link: only sections that start
            // open get one; the script adds it to others when they open.
            showsPlayer: startsOpen,
            isOpen: test.attempts.count == 1 || (isDeciding && status.needsAttention)
                || test.attempts[attemptIndex].outcome.isProblem)
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

    init(shared: AttemptObject, context: HTMLTestContext, anchor: String, keepsTranscript: Bool, showsPlayer: Bool, isOpen: Bool) {
        self.shared = shared
        self.context = context
        self.anchor = anchor
        self.keepsTranscript = keepsTranscript
        self.showsPlayer = showsPlayer
        self.isOpen = isOpen
        recordingURL = WebLink.http(shared.attempt.conversation.audioURL)
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
        case .recordingExpiresAt: return MustacheValue(hasRecording ? expiryText : nil)
        case .isRecordingExpired: return .bool(isRecordingExpired)
        case .recordingExpiredText:
            return MustacheValue(
                isRecordingExpired
                    ? "The recording link expired on \(expiryText ?? "an earlier date"), before the latest data in this report; it will probably not play."
                    : nil)
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

    private var expiryText: String? { shared.attempt.conversation.audioURLExpiresAt.map { UTCTimestamp($0).readable } }

    /// Whether the recording link had expired by the latest data in the report.
    private var isRecordingExpired: Bool {
        let expiresAt = shared.attempt.conversation.audioURLExpiresAt
        return hasRecording && expiresAt.flatMap { expiry in context.generatedAt.map { expiry < $0 } } == true
    }
}
