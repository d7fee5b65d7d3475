/// Fits the Markdown summary within a size limit by choosing how much detail to render.
///
/// The length is counted the way the platform counts it: GitHub limits a comment to 65,536
/// UTF-16 code units, so a character beyond U+FFFF counts twice.
///
/// Every candidate is rendered in full and measured, so the chosen text always fits; the
/// search only decides which candidates to try. Levels are tried richest first (see
/// `MarkdownDetailLevel`); a level is probed with growing row limits so that one far over
/// the limit is rejected after rendering little more than the limit allows, which keeps the
/// search cheap for thousands of tests. When no level fits with every row, the
/// `firstReasonOnly` level is rendered with the largest row limit that fits: a search like a
/// binary one, between a row limit that fits and one that does not, but aimed where the
/// lengths of the two say the limit is crossed (see ``largestFittingRowLimit(between:and:render:)``).
public struct MarkdownBudget: Sendable, Hashable {
    /// The longest text allowed, in UTF-16 code units.
    public var limit: Int

    public init(limit: Int) {
        self.limit = limit
    }

    /// The length the platform counts: UTF-16 code units.
    ///
    /// Counted on the UTF-8 bytes: every summary tried is measured, and `utf16.count` walks a
    /// text that is not all ASCII scalar by scalar and builds an index of it besides.
    public static func length(of text: String) -> Int {
        text.utf8.withContiguousStorageIfAvailable(utf16Count) ?? text.utf16.count
    }

    /// The UTF-16 length of valid UTF-8: each byte that starts a character (any but a
    /// continuation byte, `10xxxxxx`) counts one, and a four-byte character's lead byte
    /// (`11110xxx`) one more, for its surrogate pair.
    private static func utf16Count(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in bytes {
            count += (byte & 0xC0 == 0x80 ? 0 : 1) + (byte >= 0xF0 ? 1 : 0)
        }
        return count
    }

    /// Whether `text` is within the limit.
    ///
    /// A character never takes more UTF-16 code units than UTF-8 bytes, so a text whose bytes
    /// are within the limit fits without counting.
    public func fits(_ text: String) -> Bool { text.utf8.count <= limit || Self.length(of: text) <= limit }

    /// The richest rendering that fits.
    ///
    /// - Parameters:
    ///   - rowCount: The most rows any table or list of the report has: a row limit at least
    ///     this large shows everything.
    ///   - render: Renders the summary at a detail; called several times.
    /// - Throws: `MarkdownLimitError` when not even the verdict alone fits, or what `render` throws.
    public func fit(
        rowCount: Int, render: (MarkdownDetail) throws -> String
    ) throws -> (text: String, detail: MarkdownDetail) {
        var fittingRows: (limit: Int, text: String)?
        var tooManyRows = (limit: rowCount, length: Int.max)
        for level in Self.levels {
            let probe = try probe(level, rowCount: rowCount, render: render)
            if let text = probe.complete { return (text, MarkdownDetail(level: level)) }
            fittingRows = probe.fitting
            tooManyRows = probe.tooMany
        }

        // Fewer rows, at the last level: the largest row limit below `tooManyRows` that fits.
        if fittingRows == nil {
            let text = try render(MarkdownDetail(level: .firstReasonOnly, rowLimit: 0))
            if fits(text) { fittingRows = (0, text) }
        }
        if let fitting = fittingRows {
            let best = try largestFittingRowLimit(
                between: (fitting.limit, Self.length(of: fitting.text), fitting.text), and: tooManyRows, render: render)
            return (best.text, MarkdownDetail(level: .firstReasonOnly, rowLimit: best.limit))
        }

        let verdict = MarkdownDetail(level: .verdictOnly, rowLimit: 0)
        let text = try render(verdict)
        guard fits(text) else { throw MarkdownLimitError(limit: limit, smallest: Self.length(of: text)) }
        return (text, verdict)
    }

    /// The levels tried, richest first, before fewer rows are shown.
    private static let levels: [MarkdownDetailLevel] = [.full, .withoutPassedAndSkipped, .withoutTranscripts, .firstReasonOnly]

    /// The first row limit probed; reports with no more rows than this are rendered once per level.
    static let firstProbe = 64

    /// The row limit a level that shows transcripts is tried with before ``firstProbe``.
    ///
    /// Each failed test's transcript is thousands of characters: a large report's summary at
    /// 64 rows with transcripts is six times the limit, and rendering it only to reject it
    /// took most of the fitting's time. A quarter of the rows tells the same when it is well
    /// over the limit (``isFarOver(_:)``).
    static let quickProbe = 16

    /// Whether `text` is so far over the limit that the same level with more rows cannot fit
    /// either: more than a sixty-fourth over (a thousand characters for a comment), several
    /// times what the "… and N more" notes that a text with fewer rows shows, and one with
    /// more rows may not, add up to, while 48 more rows with transcripts add tens of thousands.
    func isFarOver(_ text: String) -> Bool {
        let farOver = limit + limit / 64
        return text.utf8.count > farOver && Self.length(of: text) > farOver
    }

    /// Renders `level` with row limits 64, 128, 256, … until the text no longer fits or every
    /// row is shown; `tooMany` is the first row limit that did not fit (`rowCount` for every
    /// row) and the length of its text.
    private func probe(
        _ level: MarkdownDetailLevel, rowCount: Int, render: (MarkdownDetail) throws -> String
    ) throws -> (complete: String?, fitting: (limit: Int, text: String)?, tooMany: (limit: Int, length: Int)) {
        var fitting: (limit: Int, text: String)?
        var rows = Self.firstProbe
        // Only a level before the last is rejected this way: for the last, the row limits that
        // fit and do not are where the search for the largest one starts.
        if level.showsTranscripts, level != Self.levels.last, Self.quickProbe < rowCount, rows < rowCount {
            let text = try render(MarkdownDetail(level: level, rowLimit: Self.quickProbe))
            if isFarOver(text) { return (nil, nil, (Self.quickProbe, Self.length(of: text))) }
        }
        while true {
            if rows >= rowCount {
                let text = try render(MarkdownDetail(level: level))
                if fits(text) { return (text, nil, (rowCount, 0)) }
                return (nil, fitting, (rowCount, Self.length(of: text)))
            }
            let text = try render(MarkdownDetail(level: level, rowLimit: rows))
            guard fits(text) else { return (nil, fitting, (rows, Self.length(of: text))) }
            fitting = (rows, text)
            rows *= 2
        }
    }

    /// The largest row limit of the `firstReasonOnly` level that fits, from a row limit `low`
    /// that fits and a larger one, `high`, that does not (each with the length of its text),
    /// and that limit's text.
    ///
    /// Like a binary search, every try keeps a row limit that fits below one that does not,
    /// until they are neighbours, so the answer is the one a binary search gives whenever more
    /// rows never make a shorter text. But a try is aimed where the lengths at the two ends
    /// say the limit is crossed, rather than halfway: rows are of similar length, so the first
    /// try lands at or next to the answer, and two renders do what took six. Two aimed tries
    /// in a row that move the same end (rows of uneven length) are followed by one halfway,
    /// and once a text as long as the one at the upper end shows that more rows stopped adding
    /// any (every list shown whole), only halfway tries follow: at worst about twice the tries
    /// of a binary search.
    func largestFittingRowLimit(
        between low: (limit: Int, length: Int, text: String), and high: (limit: Int, length: Int),
        render: (MarkdownDetail) throws -> String
    ) throws -> (limit: Int, text: String) {
        var low = low
        var high = high
        var halvesNext = false
        var lengthStoppedGrowing = false
        /// Whether the last aimed try moved the lower end; `nil` after a halfway try.
        var lastAimedMovedLow: Bool?
        while high.limit - low.limit > 1 {
            let aims = !halvesNext && !lengthStoppedGrowing && high.length > low.length
            let rows = aims ? Self.aimedRowLimit(limit, between: low, and: high) : low.limit + (high.limit - low.limit) / 2
            let text = try render(MarkdownDetail(level: .firstReasonOnly, rowLimit: rows))
            let length = Self.length(of: text)
            let fitted = fits(text)
            if fitted {
                low = (rows, length, text)
            } else {
                if length == high.length { lengthStoppedGrowing = true }
                high = (rows, length)
            }
            halvesNext = aims && lastAimedMovedLow == fitted
            lastAimedMovedLow = aims ? fitted : nil
        }
        return (low.limit, low.text)
    }

    /// The row limit strictly between `low` and `high` whose text the lengths at the two ends,
    /// joined by a straight line, say is the longest within `limit`.
    static func aimedRowLimit(
        _ limit: Int, between low: (limit: Int, length: Int, text: String), and high: (limit: Int, length: Int)
    ) -> Int {
        let width = high.limit - low.limit
        var rows = low.limit + width / 2
        if high.length > low.length {
            // Multiplied in floating point: a length times a row count could overflow an Int
            // only for absurd limits, but costs nothing to rule out.
            let fraction = Double(limit - low.length) / Double(high.length - low.length)
            rows = low.limit + Int((fraction * Double(width)).rounded(.down))
        }
        return min(max(rows, low.limit + 1), high.limit - 1)
    }
}
