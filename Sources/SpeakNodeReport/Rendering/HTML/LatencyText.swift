import Foundation

/// Turn latencies as the HTML report prints them: `840 ms` below a second, `1.24 s` above,
/// because a caller hears the difference between 0.8 and 0.9 seconds.
enum LatencyText {
    /// The latency, or `nil` when it was not measured (missing, zero, negative or not finite).
    static func text(_ seconds: Double?) -> String? {
        guard let seconds, seconds.isFinite, seconds > 0 else { return nil }
        if seconds < 1 {
            return "\(max(1, Int((seconds * 1000).rounded()))) ms"
        }
        // The same text as `String(format: "%.2f s", locale: en_US_POSIX)`, without its cost per turn.
        return DurationText.formatted(seconds, decimals: 2) + " s"
    }
}
