extension HistoryItem {
    /// What an item keeps out of line because few items have it: the tool, handoff and
    /// configuration fields, and a `role` or `kind` that is not one of the documented values.
    struct OutOfLineFields: Sendable, Hashable {
        var details = ActionDetails()
        /// The role, only when ``StoredRole`` has no byte for it.
        var unusualRole: String?
        /// The kind, only when ``StoredKind`` has no byte for it.
        var unusualKind: String?
        /// The content, only when it is too long for a ``SharedUTF8Text``.
        var longContent: String?
        /// The measurements past the fifth, when a turn has more (see ``CompactTurnMetrics``).
        var metricsOverflow: [Double] = []

        var isEmpty: Bool {
            details.isEmpty && unusualRole == nil && unusualKind == nil && longContent == nil && metricsOverflow.isEmpty
        }

        /// The fields without `longContent`, which an item compares as its content.
        var otherThanContent: OutOfLineFields {
            var fields = self
            fields.longContent = nil
            return fields
        }
    }

    /// An item's ``OutOfLineFields`` on the heap, shared by copies of the item.
    ///
    /// It is never changed: a change to a field makes a new box. So copies of an item cannot
    /// see each other's changes (value semantics), and the box is safely `Sendable`.
    final class OutOfLineBox: Sendable, Hashable {
        let fields: OutOfLineFields

        init(_ fields: OutOfLineFields) {
            self.fields = fields
        }

        static func == (lhs: OutOfLineBox, rhs: OutOfLineBox) -> Bool {
            lhs === rhs || lhs.fields == rhs.fields
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(fields)
        }
    }
}
