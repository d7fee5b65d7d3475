/// Comparisons for sort keys that may be missing, where a missing value sorts after every
/// present one. Used to build deterministic orders out of several optional keys.
enum MissingLastOrder {
    /// `true` or `false` when `lhs` and `rhs` differ, `nil` when they are equal and the next key must decide.
    static func precedes<Value: Comparable>(_ lhs: Value?, _ rhs: Value?) -> Bool? {
        switch (lhs, rhs) {
        case (nil, nil): return nil
        case (.some, nil): return true
        case (nil, .some): return false
        case (.some(let l), .some(let r)): return l == r ? nil : l < r
        }
    }
}
