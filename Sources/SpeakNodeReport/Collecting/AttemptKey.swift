/// What makes one conversation one attempt: its `session_id`, or — for a conversation that
/// came without one — the place it was read from, so it is never merged with another.
public enum AttemptKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The conversation's `session_id`, shared by every redelivery of it.
    case session(String)
    /// A conversation without a `session_id`, identified by where it was read.
    case unidentified(SourceLocation)

    /// The session id, when the conversation had one.
    public var sessionID: String? {
        if case .session(let id) = self { return id }
        return nil
    }

    /// The session id, or `<no session id @ file:line>` so messages can still point at it.
    public var description: String {
        switch self {
        case .session(let id): id
        case .unidentified(let source): "<no session id @ \(source)>"
        }
    }

    /// Sessions first (by id), then unidentified conversations (by source).
    public static func < (lhs: AttemptKey, rhs: AttemptKey) -> Bool {
        switch (lhs, rhs) {
        case (.session(let l), .session(let r)): l < r
        case (.session, .unidentified): true
        case (.unidentified, .session): false
        case (.unidentified(let l), .unidentified(let r)): l < r
        }
    }
}
