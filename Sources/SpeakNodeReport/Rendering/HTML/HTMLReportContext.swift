#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Mustache

/// The HTML report's context: the shared ``ReportContext`` with the values only the HTML
/// report uses added to the root, each run, test and attempt (documented in the README,
/// "HTML report only").
///
/// It adds the conversation as turns (``HTMLTranscript``), the status each test is filed
/// under for filtering and ordering, which sections start open, whether a recording link had
/// expired when the data was last written, and a transcript budget that keeps a report of
/// thousands of tests small enough to open.
struct HTMLReportContext {
    /// The most transcript markup one report carries, estimated in bytes of HTML. Transcripts
    /// of failed, errored and flaky tests are taken first, then those of passed and skipped
    /// tests, in report order; an attempt whose transcript no longer fits is shown without it,
    /// with a note (its session id stays, to look it up in SpeakNode). With the rest of the page
    /// (about 1 KB a test), a report of 10,000 tests stays around 25 MB.
    static let transcriptBudget = 8_000_000

    /// Up to this many failed, errored and flaky tests start expanded, with their recordings'
    /// players; beyond it they all start collapsed, so a very red run still opens quickly.
    /// (Ten thousand `<audio>` elements double the time a browser takes to open a report, so
    /// a section that starts closed has a link to its recording and gets its player from the
    /// script when it is opened.)
    static let openTestLimit = 50

    let value: MustacheValue

    init(report: Report, shared: MustacheValue, budget: Int = HTMLReportContext.transcriptBudget) {
        let statuses = report.runs.map(HTMLStatus.statuses)
        let selection = Self.transcriptSelection(report: report, statuses: statuses, budget: budget)
        guard case .object(var root) = shared, case .list(let sharedRuns) = root["runs"] else {
            value = shared
            return
        }
        let leftOut = selection.leftOut
        let attention = statuses.joined().filter(\.needsAttention).count
        let testContext = HTMLTestContext(
            kept: selection.kept, opensAttention: attention <= Self.openTestLimit, generatedAt: report.generatedAt,
            slowTurnText: SlowTurnText(budget: report.budget))
        var runs: [MustacheValue] = []
        for (runIndex, sharedRun) in sharedRuns.prefix(report.runs.count).enumerated() {
            guard case .object(var runObject) = sharedRun, case .list(let sharedTests) = runObject["tests"] else {
                runs.append(sharedRun)
                continue
            }
            let runAnchor = runObject["anchor"] ?? .null
            let runStatuses = statuses[runIndex]
            // Each test is the shared test's object wrapped with the HTML values; anything else is kept as it is.
            let tests = sharedTests.prefix(runStatuses.count).enumerated().map { testIndex, sharedTest -> MustacheValue in
                guard case .computed(let object) = sharedTest, let test = object.base as? TestObject else { return sharedTest }
                return .computed(HTMLTestObject(
                    shared: object, of: test, context: testContext, status: runStatuses[testIndex], runAnchor: runAnchor,
                    firstAttempt: selection.firstAttempts[runIndex][testIndex]))
            }
            runObject["tests"] = .list(tests)
            // By status, then the run's own order (name, then id): the tests of each status in
            // turn, as they come. The same order as a stable sort by status, without comparing.
            runObject["testsByCategory"] = .list(HTMLStatus.allCases.flatMap { status in
                tests.indices.lazy.filter { runStatuses[$0] == status }.map { tests[$0] }
            })
            runs.append(.object(runObject))
        }
        root["runs"] = .list(runs)
        let counts = Dictionary(grouping: statuses.joined(), by: { $0 }).mapValues(\.count)
        root["categories"] = .list(HTMLStatus.allCases.map { status in
            ["category": .string(status.rawValue), "label": .string(status.label), "count": .int(counts[status] ?? 0)]
        })
        root["latencyCharts"] = LatencyChart.context(report)
        root["transcriptBudget"] = .string(Self.megabytes(budget))
        root["leftOutTranscripts"] = .int(leftOut)
        root["hasLeftOutTranscripts"] = .bool(leftOut > 0)
        root["leftOutTranscriptsText"] = .string(
            ReportContext.counted(leftOut, "transcript was", "transcripts were")
                + " left out to keep this file small (at most about \(Self.megabytes(budget)) of transcripts;"
                + " failed, errored and flaky tests come first)")
        value = .object(root)
    }

    /// `8 MB`.
    static func megabytes(_ bytes: Int) -> String {
        let tenths = (Double(bytes) / 100_000).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0
            ? "\(Int(tenths / 10)) MB" : DurationText.formatted(tenths / 10, decimals: 1) + " MB"
    }

    /// Which attempts keep their transcripts, and how many attempts with one are shown without it.
    ///
    /// One flag per attempt of the report, in report order (run, test, attempt): a test finds its
    /// attempts' flags from the place of its first attempt (``firstAttempts``), with no set to
    /// hash positions into.
    struct TranscriptSelection {
        /// `kept[firstAttempts[run][test] + attempt]`: whether that attempt keeps its transcript.
        var kept: [Bool] = []
        /// `firstAttempts[run][test]`: where the flags of that test's attempts start in ``kept``.
        var firstAttempts: [[Int]] = []
        var leftOut = 0
    }

    /// The attempts whose transcripts fit in the budget: tests that need attention first, then
    /// the rest, each group in report order. An attempt that does not fit is skipped and
    /// smaller ones after it may still fit.
    ///
    /// Every turn costs at least ``markupPerTurn``, so a transcript of more turns than the
    /// budget left could hold is left out without reading them: once the budget is mostly
    /// spent, most transcripts are decided by their length alone and only short ones are
    /// estimated. The choice is the same as estimating every transcript first.
    static func transcriptSelection(report: Report, statuses: [[HTMLStatus]], budget: Int) -> TranscriptSelection {
        var selection = TranscriptSelection()
        var attemptCount = 0
        selection.firstAttempts = report.runs.map { run in
            run.tests.indices.map { index in
                defer { attemptCount += run.tests[index].attempts.count }
                return attemptCount
            }
        }
        selection.kept = Array(repeating: false, count: attemptCount)
        var remaining = budget
        for wantsAttention in [true, false] {
            for (runIndex, run) in report.runs.enumerated() {
                // Read where they are stored: copying a test or an attempt out of its array
                // would retain and release everything it holds.
                run.tests.withUnsafeBufferPointer { tests in
                    for testIndex in tests.indices where statuses[runIndex][testIndex].needsAttention == wantsAttention {
                        let first = selection.firstAttempts[runIndex][testIndex]
                        tests[testIndex].attempts.withUnsafeBufferPointer { attempts in
                            for attemptIndex in attempts.indices {
                                let history = attempts[attemptIndex].conversation.history
                                // One that does not fit has turns: an empty transcript has no size, and always fits.
                                guard history.count * markupPerTurn <= remaining,
                                      case let size = estimatedSize(history), size <= remaining else {
                                    selection.leftOut += 1
                                    continue
                                }
                                remaining -= size
                                selection.kept[first + attemptIndex] = true
                            }
                        }
                    }
                }
            }
        }
        return selection
    }

    /// Roughly how many bytes of HTML a transcript becomes: its payload text (each field up to
    /// the length a turn keeps, plus a tenth for escapes and indentation) and the markup around
    /// each turn.
    ///
    /// It may run over most turns of a report, kept or not, so it only reads lengths: no array
    /// of the fields is built and no turn is copied (each is read where it is stored; `for item
    /// in history`, or `history[index]`, would copy each, retaining and releasing its texts).
    static func estimatedSize(_ conversation: Conversation) -> Int {
        estimatedSize(conversation.history)
    }

    static func estimatedSize(_ history: [HistoryItem]) -> Int {
        history.withUnsafeBufferPointer { items in
            items.indices.reduce(0) { total, index in total + estimatedSize(of: items[index]) }
        }
    }

    private static func estimatedSize(of item: borrowing HistoryItem) -> Int {
        let limit = TranscriptLine.maximumTextLength
        func length(_ text: String?) -> Int { min(text?.utf8.count ?? 0, limit * 2) }
        // The content's length is read where it is stored: `item.content` would make a string of it.
        let text = length(item.role) + min(item.contentUTF8Count ?? 0, limit * 2) + length(item.toolName) + length(item.toolCallID)
            + length(item.toolArgumentsJSON) + length(item.toolOutput) + length(item.handoffToAgentID)
            + length(item.instructions) + item.toolsAdded.reduce(0) { $0 + min($1.utf8.count, limit) }
        return text + text / 10 + markupPerTurn
    }

    /// The markup around one turn, in bytes (list item, speaker, time, latency).
    static let markupPerTurn = 200
}
