#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The `data` of a `ConversationComplete` delivery: one conversation between a simulated
/// caller and a voice agent, with the evaluator's verdict when it was a test.
///
/// Every field is optional because SpeakNode promises none of them; open sets of strings
/// (`test_status`, `telecom_provider`, …) are kept exactly as they came.
public struct Conversation: Sendable, Hashable {
    public var sessionID: String?
    public var agentID: String?
    public var agentName: String?
    /// A signed link to the recording; untrusted text until checked to be http(s).
    public var audioURL: String?
    public var audioURLExpiresAt: Date?
    public var createdAt: Date?
    public var startTime: Date?
    public var agentJoinedAt: Date?
    public var durationSeconds: Double?
    /// The transcript, in order.
    public var history: [HistoryItem]
    public var telecomProvider: String?
    public var fromNumber: String?
    public var toNumber: String?
    public var campaignItemID: String?
    public var campaignID: String?
    public var campaignName: String?
    public var urlParameters: [String: String]
    public var testRunID: String?
    public var testID: String?
    public var testStatus: String?
    public var evalResult: EvalResult?

    public init(
        sessionID: String? = nil,
        agentID: String? = nil,
        agentName: String? = nil,
        audioURL: String? = nil,
        audioURLExpiresAt: Date? = nil,
        createdAt: Date? = nil,
        startTime: Date? = nil,
        agentJoinedAt: Date? = nil,
        durationSeconds: Double? = nil,
        history: [HistoryItem] = [],
        telecomProvider: String? = nil,
        fromNumber: String? = nil,
        toNumber: String? = nil,
        campaignItemID: String? = nil,
        campaignID: String? = nil,
        campaignName: String? = nil,
        urlParameters: [String: String] = [:],
        testRunID: String? = nil,
        testID: String? = nil,
        testStatus: String? = nil,
        evalResult: EvalResult? = nil
    ) {
        self.sessionID = sessionID
        self.agentID = agentID
        self.agentName = agentName
        self.audioURL = audioURL
        self.audioURLExpiresAt = audioURLExpiresAt
        self.createdAt = createdAt
        self.startTime = startTime
        self.agentJoinedAt = agentJoinedAt
        self.durationSeconds = durationSeconds
        self.history = history
        self.telecomProvider = telecomProvider
        self.fromNumber = fromNumber
        self.toNumber = toNumber
        self.campaignItemID = campaignItemID
        self.campaignID = campaignID
        self.campaignName = campaignName
        self.urlParameters = urlParameters
        self.testRunID = testRunID
        self.testID = testID
        self.testStatus = testStatus
        self.evalResult = evalResult
    }
}
