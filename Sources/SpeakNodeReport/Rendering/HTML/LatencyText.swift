#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Turn latencies as the HTML report prints them: `840 ms` below a second, `1.24 s` above,
/// because a caller hears the difference between 0.8 and 0.9 seconds.
enum LatencyText {
    /// The latency, or `nil` when it was not measured (missing, zero, negative or not finite).
    static func text(_ seconds: Double?) -> String? {
        guard let seconds, seconds.isFinite, seconds > 0 else { return nil }
        // Both texts fit in a string's inline bytes (no allocation), written without interpolation:
        // every message turn of the HTML report prints up to three latencies.
        if seconds < 1 {
            // At most `1000 ms`.
            let milliseconds = max(1, Int((seconds * 1000).rounded()))
            return ASCIIText.string(capacity: ASCIIText.inlineCapacity) { text in
                text.append(milliseconds)
                text.append(" ms")
            }
        }
        if let hundredths = unambiguousHundredths(seconds) {
            // Below a million seconds: at most `1000000.00 s`.
            return ASCIIText.string(capacity: ASCIIText.inlineCapacity) { text in
                text.append(hundredths / 100)
                text.append(".")
                text.append(hundredths % 100, width: 2)
                text.append(" s")
            }
        }
        // The same text as `String(format: "%.2f s", locale: en_US_POSIX)`, without its cost per turn.
        return DurationText.formatted(seconds, decimals: 2) + " s"
    }

    /// The seconds rounded to whole hundredths, when rounding the binary value gives what
    /// ``DurationText`` gives by rounding its shortest decimal (half to even), else `nil`.
    ///
    /// Every slow turn prints two or three latencies, and the decimal route costs a few
    /// allocations each. Below a million seconds the binary value, its shortest decimal and
    /// the product by 100 differ by far less than a millionth of a hundredth, so unless the
    /// product lies that close to a tie (`x.5` hundredths), both round to the same number.
    static func unambiguousHundredths(_ seconds: Double) -> Int? {
        guard seconds < 1_000_000 else { return nil }
        let hundredths = seconds * 100
        let whole = hundredths.rounded(.down)
        let fraction = hundredths - whole
        guard abs(fraction - 0.5) > 1e-6 else { return nil }
        return Int(whole) + (fraction > 0.5 ? 1 : 0)
    }
}
