#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Latencies and shares as the reports print them, formatted by integer arithmetic so the
/// text never depends on the machine's locale.
///
/// Below a second a latency reads best in whole milliseconds (`850 ms`); from a second on,
/// in seconds with up to two decimals (`1.23 s`, `1.5 s`), the precision at which callers
/// notice a change.
enum InsightFormat {
    /// `850 ms`, `1.23 s`, `1.5 s`, `2 s`; `0 ms` for zero or anything not a usable number.
    static func format(_ seconds: Double) -> String {
        // Below a billion seconds (every real latency) at most 10 digits and ` s`, which a
        // string holds without allocating.
        ASCIIText.string(capacity: seconds < 1e9 ? ASCIIText.inlineCapacity : maximumLength) { text in
            write(seconds, into: &text)
        }
    }

    /// The most bytes ``format(_:)`` writes: a trillion seconds and more (absurd input) are
    /// written as Swift's `description`, at most 24 bytes, then ` s`.
    static let maximumLength = 32

    /// Writes ``format(_:)``'s text into `text`, which has room for ``maximumLength`` more bytes.
    ///
    /// Plain-text reports print several of these for every slow turn (hundreds of thousands
    /// in a large report), so the digits are written straight into the text's bytes, with no
    /// string made for each part.
    static func write(_ seconds: Double, into text: inout ASCIIText) {
        guard seconds.isFinite, seconds > 0 else { return text.append("0 ms") }
        // Beyond a trillion seconds the integer arithmetic below could overflow.
        guard seconds < 1e12 else { return text.append(string: "\(seconds) s") }
        let milliseconds = Int64((seconds * 1000).rounded())
        if milliseconds < 1000 {
            text.append(Int(milliseconds))
            text.append(" ms")
            return
        }
        let (whole, hundredths) = Int64((seconds * 100).rounded()).quotientAndRemainder(dividingBy: 100)
        text.append(Int(whole))
        // Up to two decimals without trailing zeros: `.5`, `.05`, `.25`.
        if hundredths != 0 {
            text.append(".")
            text.appendDigit(Int(hundredths / 10))
            if hundredths % 10 != 0 { text.appendDigit(Int(hundredths % 10)) }
        }
        text.append(" s")
    }

    /// A signed change as a percentage of whole percent: `+25%`, `-8%`.
    static func change(_ share: Double) -> String {
        guard share.isFinite else { return "n/a" }
        let percent = Int64((share * 100).rounded())
        return percent >= 0 ? "+\(percent)%" : "\(percent)%"
    }

    /// A share from 0 to 1 as a percentage with at most one decimal: `87.5%`, `100%`.
    static func percentage(_ share: Double) -> String {
        guard share.isFinite else { return "n/a" }
        let tenths = Int64((share * 1000).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)%" : "\(tenths / 10).\(abs(tenths % 10))%"
    }

    /// A coordinate for an SVG attribute with at most one decimal: `12`, `12.5`.
    static func coordinate(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int64((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    /// The longest test name the insight lists show, so one long name cannot crowd out the rest
    /// of a summary.
    static let nameLength = 200
    /// The longest reason text the insight lists show.
    static let reasonLength = 1000

    /// `text` without surrounding whitespace (which could start a Markdown code block in a list
    /// item), cut to `length` characters with `…` when longer.
    ///
    /// Every failed test's name goes through here for the failure patterns (of its run and of the
    /// report): a name is only trimmed when it has something to trim, and its characters are
    /// only counted as far as the length.
    static func clipped(_ text: String, to length: Int) -> String {
        let text = text.trimmedOfWhitespace
        guard text.characterPrefix(ifLongerThan: length) != nil else { return text }
        return String(text.prefix(max(0, length - 1))) + "…"
    }
}
