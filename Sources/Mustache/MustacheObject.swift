/// An object whose members are worked out when a template looks them up, instead of stored.
///
/// A report's context holds thousands of objects (each test, each attempt) with dozens of
/// keys, of which a template reads a few. As dictionaries, every value of every one of them is
/// built up front and kept until the last template is done, and each lookup hashes the key;
/// a `MustacheObject` is a small value over the data it presents that builds only the value
/// asked for, when it is asked (typically a `switch` on the key).
///
/// `member(_:)` answers as a dictionary would:
/// - `nil` for a key the object does not have, so that the lookup goes on to the outer
///   contexts (`{{name}}` inside `{{#attempts}}` finds the test's name);
/// - a value, `.null` included, for a key it has: `.null` hides a section and ends the lookup,
///   as a key whose value is null does.
///
/// It must give the same value for a key every time: a template may look a key up any number
/// of times, from several threads. A value costly to build is worth building once and keeping
/// in the object when templates read it often.
///
/// Equality is the conforming type's own: two objects are equal when they are of the same type
/// and equal as that type. For an object over some data (the usual case) that is "over equal
/// data", and so with equal members; nothing is looked up to compare them.
public protocol MustacheObject: Sendable, Hashable {
    /// The value at `key`, or `nil` when the object has no such key.
    func member(_ key: String) -> MustacheValue?
}

/// Any ``MustacheObject``, as the `MustacheValue.computed` case holds it.
///
/// The object is kept in one allocation shared by its copies, so a `MustacheValue` stays as
/// small as its other cases however large the object is.
public struct AnyMustacheObject: Sendable, Hashable {
    @usableFromInline let box: any ObjectBox

    /// Inlinable so that it is built for the object's own type where it is called: unspecialized,
    /// it looked the box's generic type up at run time (hundreds of instructions) for each of
    /// the thousands of objects a report makes.
    @inlinable
    public init(_ base: some MustacheObject) {
        box = Box(base)
    }

    /// The object itself, for a caller that knows its type (`object.base as? MyObject`).
    public var base: any MustacheObject { box.anyBase }

    /// The value at `key`, or `nil` when the object has no such key (see ``MustacheObject``).
    @inline(__always)
    public func member(_ key: String) -> MustacheValue? {
        box.member(key)
    }

    public static func == (lhs: AnyMustacheObject, rhs: AnyMustacheObject) -> Bool {
        lhs.box === rhs.box || lhs.box.isEqual(to: rhs.box)
    }

    public func hash(into hasher: inout Hasher) {
        box.hash(into: &hasher)
    }
}

/// The shared storage of an ``AnyMustacheObject``: the object, of its own type, and what the
/// wrapper needs of it.
@usableFromInline
protocol ObjectBox: AnyObject, Sendable {
    var anyBase: any MustacheObject { get }
    func member(_ key: String) -> MustacheValue?
    func isEqual(to other: any ObjectBox) -> Bool
    func hash(into hasher: inout Hasher)
}

@usableFromInline
final class Box<Base: MustacheObject>: ObjectBox {
    @usableFromInline let base: Base

    @inlinable
    init(_ base: Base) { self.base = base }

    @usableFromInline var anyBase: any MustacheObject { base }

    @usableFromInline func member(_ key: String) -> MustacheValue? { base.member(key) }

    @usableFromInline func isEqual(to other: any ObjectBox) -> Bool {
        guard let other = other as? Box<Base> else { return false }
        return base == other.base
    }

    @usableFromInline func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(Base.self))
        hasher.combine(base)
    }
}

extension MustacheValue {
    /// An object whose members are worked out when looked up (see ``MustacheObject``).
    @inlinable
    public static func computed(_ object: some MustacheObject) -> MustacheValue {
        .computed(AnyMustacheObject(object))
    }
}
