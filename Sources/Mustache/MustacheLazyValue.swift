/// A value worked out only when a template reaches it, and again each time it does.
///
/// A report's context can hold thousands of large objects (a test with its transcript,
/// say) of which a template renders one at a time. Built up front, every one of them is in
/// memory at once; made lazy, each is built when its section starts and freed when it ends,
/// and a template that never reaches one never pays for it.
///
/// Nothing is cached: a lazy value reached twice is built twice, so make lazy the values a
/// template enters once (the items of a list, a large section), not small ones it tests and
/// then enters. `make` must give the same value every time.
public struct MustacheLazyValue: Sendable {
    private final class Storage: Sendable {
        let make: @Sendable () -> MustacheValue
        init(_ make: @escaping @Sendable () -> MustacheValue) { self.make = make }
    }

    private let storage: Storage

    public init(_ make: @escaping @Sendable () -> MustacheValue) {
        storage = Storage(make)
    }

    /// The value, built now (and never itself lazy).
    public var value: MustacheValue {
        storage.make().resolved
    }
}

extension MustacheLazyValue: Hashable {
    /// Two lazy values are equal when they are the same one: what they would build is not
    /// compared, since comparing would build it.
    public static func == (lhs: MustacheLazyValue, rhs: MustacheLazyValue) -> Bool {
        lhs.storage === rhs.storage
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(storage))
    }
}

extension MustacheValue {
    /// A value built when a template reaches it (see ``MustacheLazyValue``).
    public static func lazy(_ make: @escaping @Sendable () -> MustacheValue) -> MustacheValue {
        .lazy(MustacheLazyValue(make))
    }

    /// This value, or what it builds when it is lazy: never `.lazy`.
    public var resolved: MustacheValue {
        if case .lazy(let lazy) = self { return lazy.value }
        return self
    }
}
