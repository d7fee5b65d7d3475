import Testing
@testable import SpeakNodeReport

@Suite("Markdown size budget")
struct MarkdownBudgetTests {
    /// A stand-in summary: a fixed part per level plus 100 characters a row.
    static func fakeRender(rows: Int, sizes: [MarkdownDetailLevel: Int]) -> (MarkdownDetail) -> String {
        { detail in
            let shown = min(rows, detail.rowLimit ?? rows)
            let fixed = sizes[detail.level] ?? 0
            return String(repeating: "x", count: fixed + shown * 100)
        }
    }

    static let sizes: [MarkdownDetailLevel: Int] = [
        .full: 50_000, .withoutPassedAndSkipped: 30_000, .withoutTranscripts: 10_000, .firstReasonOnly: 5_000,
        .verdictOnly: 200,
    ]

    @Test("Length is counted in UTF-16 code units, as GitHub counts a comment")
    func utf16Length() {
        #expect(MarkdownBudget.length(of: "abc") == 3)
        #expect(MarkdownBudget.length(of: "😀") == 2)
        #expect(MarkdownBudget.length(of: "👩‍👩‍👧") == 8)
        #expect(MarkdownBudget.length(of: "é\u{2060}") == 2)
        #expect(MarkdownBudget(limit: 3).fits("a😀"))
        #expect(!MarkdownBudget(limit: 3).fits("😀😀"))
        // More UTF-8 bytes than the limit, but few enough UTF-16 code units: counted, and fits.
        #expect(MarkdownBudget(limit: 2).fits("😀"))
        #expect(MarkdownBudget(limit: 3).fits("éé—"))
        #expect(!MarkdownBudget(limit: 2).fits("éé—"))
    }

    @Test("The length counted on UTF-8 bytes is the string's UTF-16 count, for every width of character", arguments: [
        "", "plain", "é", "—→…", "😀", "a\r\nb", "\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}",
        "e\u{301} 👍🏽 مرحبا 你好 z̸̢͓ 👩‍👩‍👧", String(repeating: "long é 😀 text ", count: 700),
    ])
    func utf16LengthFromBytes(_ text: String) {
        #expect(MarkdownBudget.length(of: text) == text.utf16.count)
    }

    @Test("The richest level whose whole text fits is chosen, in order of importance")
    func levels() throws {
        let render = Self.fakeRender(rows: 10, sizes: Self.sizes)
        // With 10 rows of 100 characters: 51,000, 31,000, 11,000 and 6,000 characters.
        #expect(try MarkdownBudget(limit: 51_000).fit(rowCount: 10, render: render).detail == .full)
        #expect(try MarkdownBudget(limit: 50_999).fit(rowCount: 10, render: render).detail.level == .withoutPassedAndSkipped)
        #expect(try MarkdownBudget(limit: 30_999).fit(rowCount: 10, render: render).detail.level == .withoutTranscripts)
        #expect(try MarkdownBudget(limit: 10_999).fit(rowCount: 10, render: render).detail.level == .firstReasonOnly)
        #expect(try MarkdownBudget(limit: 6_000).fit(rowCount: 10, render: render).detail == MarkdownDetail(level: .firstReasonOnly))
        #expect(try MarkdownBudget(limit: 5_999).fit(rowCount: 10, render: render).detail == MarkdownDetail(level: .firstReasonOnly, rowLimit: 9))
    }

    @Test("Past the levels, the largest number of rows that fits is found")
    func rows() throws {
        for rowCount in [3, 64, 65, 1_000, 5_000] {
            for wanted in [0, 1, rowCount / 3, rowCount - 1] {
                let render = Self.fakeRender(rows: rowCount, sizes: Self.sizes)
                let limit = 5_000 + wanted * 100 + 99
                let result = try MarkdownBudget(limit: limit).fit(rowCount: rowCount, render: render)
                #expect(result.detail == MarkdownDetail(level: .firstReasonOnly, rowLimit: wanted), "\(rowCount) rows, \(wanted) fit")
                #expect(result.text.count <= limit)
            }
        }
    }

    @Test("A limit too small for the rows falls back to the verdict alone, and below that is an error")
    func tooSmall() throws {
        let render = Self.fakeRender(rows: 10, sizes: Self.sizes)
        #expect(try MarkdownBudget(limit: 4_999).fit(rowCount: 10, render: render).detail.level == .verdictOnly)
        #expect(throws: MarkdownLimitError(limit: 199, smallest: 200)) {
            try MarkdownBudget(limit: 199).fit(rowCount: 10, render: render)
        }
    }

    @Test("Thousands of rows need few renders, none much longer than the limit")
    func cheap() throws {
        var renders = 0
        var longest = 0
        let fake = Self.fakeRender(rows: 5_000, sizes: Self.sizes)
        let result = try MarkdownBudget(limit: 65_000).fit(rowCount: 5_000) { detail in
            renders += 1
            let text = fake(detail)
            longest = max(longest, text.count)
            return text
        }
        #expect(result.detail == MarkdownDetail(level: .firstReasonOnly, rowLimit: 600))
        #expect(renders <= 30)
        #expect(longest < 4 * 65_000)
    }

    /// The row limit a binary search finds between a limit that fits and one that does not:
    /// what the aimed search must give whenever more rows never make a shorter text.
    static func bisected(_ budget: MarkdownBudget, low: Int, high: Int, length: (Int) -> Int) -> Int {
        var (low, high) = (low, high)
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if length(middle) <= budget.limit { low = middle } else { high = middle }
        }
        return low
    }

    @Test("The aimed search for the row limit finds what a binary search finds, for rows of uneven lengths")
    func aimedSearchMatchesBinarySearch() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for trial in 0..<300 {
            // Rows of 20 to 2,000 characters, some much longer than others, after a fixed part.
            let rowCount = 2 + trial % 300
            var ends = [3_000]
            for _ in 0..<rowCount {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let rowLength = trial % 3 == 0 ? 20 + Int(state >> 33) % 1_980 : 90 + Int(state >> 33) % 20
                ends.append(ends[ends.count - 1] + rowLength)
            }
            let budget = MarkdownBudget(limit: ends[1] + Int(state >> 40) % (ends[rowCount] - ends[1]))
            let high = rowCount
            let expected = Self.bisected(budget, low: 0, high: high) { ends[$0] }
            var renders = 0
            let found = try budget.largestFittingRowLimit(
                between: (0, ends[0], String(repeating: "x", count: ends[0])), and: (high, ends[high])
            ) { detail in
                renders += 1
                return String(repeating: "x", count: ends[detail.rowLimit ?? rowCount])
            }
            #expect(found.limit == expected, "trial \(trial)")
            #expect(found.text.count == ends[expected])
            // At most about twice the tries of a binary search.
            #expect(renders <= 2 * (Int.bitWidth - high.leadingZeroBitCount) + 1)
        }
    }

    @Test("Rows of about the same length are fitted in two or three renders past the probes")
    func aimedSearchIsQuick() throws {
        // 64 rows fit and 128 do not, as in a summary of ten thousand tests; rows of 530 to 570 characters.
        let ends = (0...128).map { 30_000 + $0 * 530 + ($0 * 7_919) % 40 }
        let budget = MarkdownBudget(limit: 65_000)
        var renders = 0
        let found = try budget.largestFittingRowLimit(
            between: (64, ends[64], String(repeating: "x", count: ends[64])), and: (128, ends[128])
        ) { detail in
            renders += 1
            return String(repeating: "x", count: ends[detail.rowLimit ?? 128])
        }
        #expect(found.limit == Self.bisected(budget, low: 64, high: 128) { ends[$0] })
        #expect(renders <= 3)
    }

    @Test("Rows that stop adding text, every list being shown whole, do not mislead the aimed search")
    func aimedSearchPastTheLastRow() throws {
        // 530 characters a row up to 106 rows, and no more after that: the limit is crossed at 104.
        let length = { (rows: Int) in 30_000 + min(rows, 106) * 530 + (rows >= 106 ? 700 : 0) }
        let budget = MarkdownBudget(limit: 85_300)
        var renders = 0
        let found = try budget.largestFittingRowLimit(
            between: (64, length(64), String(repeating: "x", count: length(64))), and: (128, length(128))
        ) { detail in
            renders += 1
            return String(repeating: "x", count: length(detail.rowLimit ?? 128))
        }
        #expect(found.limit == Self.bisected(budget, low: 64, high: 128, length: length))
        #expect(renders <= 7)
    }

    @Test("A level with transcripts far over the limit at a few rows is not rendered with more")
    func quickProbe() throws {
        var tried: [MarkdownDetail] = []
        let fake = Self.fakeRender(rows: 5_000, sizes: Self.sizes)
        // At 16 rows the levels with transcripts are 51,600 and 31,600 characters.
        let result = try MarkdownBudget(limit: 20_000).fit(rowCount: 5_000) { detail in
            tried.append(detail)
            return fake(detail)
        }
        #expect(result.detail == MarkdownDetail(level: .firstReasonOnly, rowLimit: 150))
        for level in [MarkdownDetailLevel.full, .withoutPassedAndSkipped] {
            #expect(tried.filter { $0.level == level } == [MarkdownDetail(level: level, rowLimit: MarkdownBudget.quickProbe)])
        }
        // Just over the limit is not far over: the usual probe decides.
        let budget = MarkdownBudget(limit: 1_000)
        #expect(!budget.isFarOver(String(repeating: "x", count: 1_015)))
        #expect(budget.isFarOver(String(repeating: "x", count: 1_016)))
    }
}
