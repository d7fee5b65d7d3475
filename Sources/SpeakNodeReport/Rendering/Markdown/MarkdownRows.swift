/// One list of the Markdown summary (failed, flaky, passed or skipped tests) whose rows are
/// made only as far as a rendering shows them, and kept.
///
/// `MarkdownBudget` renders the summary a dozen times with growing row limits, and a summary
/// of thousands of tests shows only the first hundred or so of each list: making a row when it
/// is first shown, once, spares both the rows never shown and working a shown row out again
/// for every try.
struct MarkdownRows<Source, Row> {
    private let sources: [Source]
    private let make: (Source) -> Row
    /// The rows made so far: those of the first `made.count` sources.
    private var made: [Row] = []

    init(_ sources: [Source], make: @escaping (Source) -> Row) {
        self.sources = sources
        self.make = make
    }

    /// How many rows the list has in all.
    var count: Int { sources.count }

    var isEmpty: Bool { sources.isEmpty }

    /// The first `rows` rows (all of them when there are fewer), made now if not made before.
    mutating func prefix(_ rows: Int) -> ArraySlice<Row> {
        let end = min(max(rows, 0), sources.count)
        if end > made.count { made += sources[made.count..<end].map(make) }
        return made[..<end]
    }
}
