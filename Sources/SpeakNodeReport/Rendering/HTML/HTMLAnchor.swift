/// Fragment identifiers (`#test-…`, `#run-…`) for the HTML report, made from payload ids so a
/// link from a Markdown summary, a JUnit viewer or a chat message keeps pointing at the same
/// test when the report is generated again.
///
/// An id made only of `A–Z a–z 0–9 _ -` (at most ``maximumIDLength`` characters) is used as it
/// is: `test-checkout-01`. Any other id has each other character replaced by `_`, is cut to
/// ``maximumIDLength`` characters, and gets a short hash of the original id, so two ids that
/// sanitise to the same text still get different anchors: `test-a_b-3f2c19d0`.
/// The result is always safe in an `id` attribute, a URL fragment and a CSS selector.
public enum HTMLAnchor {
    /// The anchor of a run: `run-<id>`.
    public static func run(_ id: String) -> String { "run-" + fragment(id) }

    /// The anchor of a test: `test-<id>`. When the same test id appears in several runs, the
    /// first run (by start time) keeps this anchor; see ``HTMLAnchorBook``.
    public static func test(_ id: String) -> String { "test-" + fragment(id) }

    /// The longest id kept as it is; longer ids are cut and hashed.
    public static let maximumIDLength = 64

    /// The id as a fragment-safe word, with a hash suffix when it had to be changed.
    static func fragment(_ id: String) -> String {
        // Most ids (UUIDs, slugs) are kept as they are: checked byte by byte, nothing is rebuilt.
        if !id.isEmpty, id.utf8.count <= maximumIDLength, id.utf8.allSatisfy(isAllowed) { return id }
        var sanitised = ""
        // Counted as they are kept: counting `sanitised`'s scalars each time would take time
        // quadratic in the id's length.
        var keptCount = 0
        var changed = false
        for scalar in id.unicodeScalars {
            if keptCount == maximumIDLength {
                changed = true
                break
            }
            keptCount += 1
            if isAllowed(scalar) {
                sanitised.unicodeScalars.append(scalar)
            } else {
                sanitised += "_"
                changed = true
            }
        }
        guard changed || sanitised.isEmpty else { return sanitised }
        return (sanitised.isEmpty ? "" : sanitised + "-") + hash(id)
    }

    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && isAllowed(UInt8(scalar.value))
    }

    /// Whether a UTF-8 byte is one of `A–Z a–z 0–9 _ -` (a byte of a longer character never is).
    static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "-"): true
        default: false
        }
    }

    /// 32-bit FNV-1a of the UTF-8 bytes as 8 hex digits: stable across machines and runs
    /// (unlike `Hasher`, which is seeded per process).
    static func hash(_ text: String) -> String {
        var value: UInt32 = 0x811C_9DC5
        for byte in text.utf8 {
            value ^= UInt32(byte)
            value = value &* 0x0100_0193
        }
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}

/// Hands out the anchors of one report so that no two elements share an id.
///
/// Runs are visited in report order (start time, then id) and tests in run order, so the
/// assignment is deterministic: the first holder of a name keeps the plain form, a later
/// holder gets a qualified one (`test-<id>-in-<run>`), then a counter (`-2`, `-3`, …).
/// Attempts (`<test anchor>-attempt-<n>`) are handed out last, so they never take a name a
/// test could have had.
struct HTMLAnchorBook {
    /// `runs[i]` is the anchor of run `i`.
    let runs: [String]
    /// `tests[i][j]` is the anchor of test `j` of run `i`.
    let tests: [[String]]
    /// `attempts[i][j][k]` is the anchor of attempt `k` of that test.
    let attempts: [[[String]]]

    init(report: Report) {
        // Sized for every anchor up front, so the set is never grown (a report can have tens of thousands).
        let anchorCount = report.runs.reduce(0) { total, run in
            run.tests.reduce(total + 1) { $0 + 1 + $1.attempts.count }
        }
        var used = Set<String>(minimumCapacity: anchorCount)
        /// The first candidate no one holds yet, else the last one with the first free counter.
        func claim(_ candidate: String, else fallback: String? = nil) -> String {
            if used.insert(candidate).inserted { return candidate }
            if let fallback, used.insert(fallback).inserted { return fallback }
            let base = fallback ?? candidate
            var number = 2
            while !used.insert("\(base)-\(number)").inserted { number += 1 }
            return "\(base)-\(number)"
        }
        var runs: [String] = []
        var tests: [[String]] = []
        for run in report.runs {
            // Run ids are unique in a report and `run-` never starts a test anchor, so this is
            // always the plain `HTMLAnchor.run(run.id)`.
            let runAnchor = claim(HTMLAnchor.run(run.id))
            runs.append(runAnchor)
            tests.append(run.tests.indices.map { index in
                let plain = HTMLAnchor.test(run.tests[index].id)
                return claim(plain, else: plain + "-in-" + runAnchor)
            })
        }
        attempts = zip(report.runs, tests).map { run, anchors in
            run.tests.indices.map { index in
                run.tests[index].attempts.indices.map { claim(anchors[index] + "-attempt-\($0 + 1)") }
            }
        }
        self.runs = runs
        self.tests = tests
    }
}
