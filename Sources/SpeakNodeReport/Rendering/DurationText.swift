import Foundation

/// Durations and rates as the reports print them, formatted the same way on every machine.
enum DurationText {
    /// A duration for people: `0.4s`, `12.3s`, `1m 02s`, `1h 02m 03s`.
    static func readable(_ seconds: Double) -> String {
        let seconds = sanitized(seconds)
        if seconds < 60 {
            return formatted(seconds, decimals: 1) + "s"
        }
        let whole = Int(seconds.rounded())
        let (hours, minutes, rest) = (whole / 3600, whole / 60 % 60, whole % 60)
        if hours > 0 {
            return "\(hours)h \(twoDigits(minutes))m \(twoDigits(rest))s"
        }
        return "\(minutes)m \(twoDigits(rest))s"
    }

    /// Seconds with three decimals, as JUnit's `time` attribute expects: `62.000`.
    static func seconds(_ seconds: Double) -> String {
        formatted(sanitized(seconds), decimals: 3)
    }

    /// A transcript offset: `00:12.3`, `61:02.0`.
    static func offset(_ seconds: Double) -> String {
        let tenths = Int((sanitized(seconds) * 10).rounded())
        let minutes = tenths / 600
        let rest = tenths % 600
        return "\(twoDigits(minutes)):\(twoDigits(rest / 10)).\(rest % 10)"
    }

    /// A share of a whole as a percentage with at most one decimal: `87.5%`, `100%`;
    /// `nil` when the whole is zero.
    static func percentage(_ part: Int, of whole: Int) -> String? {
        guard whole > 0 else { return nil }
        let tenths = (Double(part) * 1000 / Double(whole)).rounded()
        if tenths.truncatingRemainder(dividingBy: 10) == 0 {
            return "\(Int(tenths / 10))%"
        }
        return formatted(tenths / 10, decimals: 1) + "%"
    }

    /// `value` with one or three decimals, rounded as `printf`'s `%.Nf` rounds, with a `.`
    /// whatever the locale. (`String(format:locale:)` gives the same text at many times the
    /// cost, and a report formats durations for every attempt.)
    static func formatted(_ value: Double, decimals: Int) -> String {
        let format: StaticString = decimals == 1 ? "%.1f" : "%.3f"
        let text: String? = withUnsafeTemporaryAllocation(of: CChar.self, capacity: 400) { buffer in
            guard let base = buffer.baseAddress else { return nil }
            let written = withVaList([value]) { arguments in
                format.withUTF8Buffer { formatBytes in
                    formatBytes.withMemoryRebound(to: CChar.self) { vsnprintf(base, buffer.count, $0.baseAddress, arguments) }
                }
            }
            guard written > 0, written < buffer.count else { return nil }
            let bytes = UnsafeRawBufferPointer(start: base, count: Int(written))
            // Only the C locale's `.` is wanted; anything else goes the slow, locale-fixed way.
            guard !bytes.contains(UInt8(ascii: ",")) else { return nil }
            return String(decoding: bytes, as: UTF8.self)
        }
        return text ?? String(format: decimals == 1 ? "%.1f" : "%.3f", locale: posix, value)
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    private static func sanitized(_ seconds: Double) -> Double {
        seconds.isFinite && seconds > 0 ? seconds : 0
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
