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
///
/// It holds the shared test's box, not a copy of the test object (some 300 bytes a test, held
/// while the report renders, and copied whole on each look-up of a shared key), with the few
/// fields of the test its own values read.
struct HTMLTestObject: MustacheObject {
    /// The shared test: a ``TestObject``, in the box the shared context keeps it in.
    let shared: AnyMustacheObject
    /// The test's attempts, which one decided its outcome, and the attempts' HTML anchors
    /// (``TestObject/attemptAnchors``).
    let attempts: [AttemptResult]
    let decidingAttemptIndex: Int
    let attemptAnchors: [String]
    /// The test id when the test's name is not it (the filter then searches the id too), else `nil`.
    let hiddenID: String?
    let context: HTMLTestContext
    let status: HTMLStatus
    let runAnchor: MustacheValue
    /// The place of the test's first attempt among all attempts of the report, in report order
    /// (where its flags start in ``HTMLTestContext/kept``).
    let firstAttempt: Int

    /// `shared` is the box of `test`, which gives the fields this object keeps.
    init(
        shared: AnyMustacheObject, of test: TestObject, context: HTMLTestContext, status: HTMLStatus,
        runAnchor: MustacheValue, firstAttempt: Int
    ) {
        self.shared = shared
        attempts = test.test.attempts
        decidingAttemptIndex = test.test.decidingAttemptIndex
        attemptAnchors = test.attemptAnchors
        hiddenID = test.test.name == test.test.id ? nil : test.test.id
        self.context = context
        self.status = status
        self.runAnchor = runAnchor
        self.firstAttempt = firstAttempt
    }

    enum HTMLKey: String, CaseIterable {
        case attempts, runAnchor, isOpen, category, categoryLabel, categoryRank, needsAttention, firstReason, searchText
    }

    /// A name the shared test answers, or one of the HTML ones.
    enum Key: Hashable {
        case shared
        case html(HTMLKey)
    }

    /// The shared test's keys and the HTML ones (its `attempts` replacing the shared test's),
    /// in one table: a name neither has is turned away with one look-up.
    static let keys: NameTable<Key> = TestObject.keys.mapValues { _ in Key.shared }
        .merging(HTMLKey.allCases.map { ($0.rawValue, Key.html($0)) }) { _, html in html }

    func member(_ name: String) -> MustacheValue? {
        switch Self.keys[name] {
        case nil: return nil
        case .shared?: return shared.member(name)
        case .html(let key)?: return value(key)
        }
    }

    /// Whether the test's section starts open.
    private var startsOpen: Bool { status.needsAttention && context.opensAttention }

    private func value(_ key: HTMLKey) -> MustacheValue {
        switch key {
        case .attempts: return .list(attempts.indices.map { .computed(attempt(at: $0)) })
        case .runAnchor: return runAnchor
        case .isOpen: return .bool(startsOpen)
        case .category: return .string(status.rawValue)
        case .categoryLabel: return .string(status.label)
        case .categoryRank: return .int(status.rank)
        case .needsAttention: return .bool(status.needsAttention)
        case .firstReason: return .string(firstReason)
        case .searchText: return .string(searchText)
        }
    }

    /// The deciding attempt's first reason, else its message.
    ///
    /// Its fields are read in place (`attempts[index].reasons`): copying the attempt out
    /// would retain and release every text of its conversation.
    private var firstReason: String {
        guard attempts.indices.contains(decidingAttemptIndex) else { return "" }
        return attempts[decidingAttemptIndex].reasons.first ?? attempts[decidingAttemptIndex].message
    }

    /// What the filter searches besides the name and the first reason, one a line: the test id
    /// when the name hides it, then every attempt's reasons other than the first reason.
    ///
    /// Written into one text as they are found: no array of the reasons is gathered, filtered
    /// and joined for every test.
    private var searchText: String {
        let firstReason = firstReason
        var text = ""
        var isFirstLine = true
        func appendLine(_ line: String) {
            if !isFirstLine { text += "\n" }
            text += line
            isFirstLine = false
        }
        if let hiddenID { appendLine(hiddenID) }
        for index in attempts.indices {
            for reason in attempts[index].reasons where reason != firstReason {
                appendLine(reason)
            }
        }
        return text
    }

    private func attempt(at attemptIndex: Int) -> HTMLAttemptObject {
        let isDeciding = attemptIndex == decidingAttemptIndex
        // Read before the attempt is copied into its object, which then moves into the HTML one.
        let isOpen = attempts.count == 1 || (isDeciding && status.needsAttention) || attempts[attemptIndex].outcome.isProblem
        return HTMLAttemptObject(
            // The shared test's attempt (``TestObject/attempt(at:)``).
            shared: AttemptObject(attempt: attempts[attemptIndex], number: attemptIndex + 1, isDeciding: isDeciding),
            context: context, anchor: attemptAnchors[attemptIndex],
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
