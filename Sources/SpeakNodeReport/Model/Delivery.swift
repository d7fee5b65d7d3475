#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One webhook delivery as SpeakNode sent it, read from one place in the input.
///
/// Only `ConversationComplete` deliveries that carry both a `test_run_id` and a `test_id`
/// become part of a report; every other delivery is counted so nothing disappears silently.
public struct Delivery: Sendable, Hashable {
    /// The event name (`ConversationComplete`, or any other event SpeakNode may add).
    public var event: String?
    /// The delivery's `data`: the conversation, when there is one.
    public var conversation: Conversation?
    /// Where the delivery was read from, for messages that point a user back at their input.
    public var source: SourceLocation

    public init(event: String?, conversation: Conversation?, source: SourceLocation) {
        self.event = event
        self.conversation = conversation
        self.source = source
    }

    /// The event this tool reports on.
    public static let conversationComplete = "ConversationComplete"
}
