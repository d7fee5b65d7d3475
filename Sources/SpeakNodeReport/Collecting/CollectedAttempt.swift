/// One conversation of a test after redeliveries were folded together.
public struct CollectedAttempt: Sendable, Hashable {
    public var key: AttemptKey
    /// The most complete copy that was delivered.
    public var conversation: Conversation
    /// Where the kept copy was read from.
    public var source: SourceLocation
    /// How many further copies of this session were delivered and left out.
    public var redeliveries: Int

    public init(key: AttemptKey, conversation: Conversation, source: SourceLocation, redeliveries: Int = 0) {
        self.key = key
        self.conversation = conversation
        self.source = source
        self.redeliveries = redeliveries
    }
}
