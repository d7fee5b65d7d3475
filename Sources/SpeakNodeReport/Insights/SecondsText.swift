/// Seconds as messages show them: rounded to the millisecond, without trailing zeros
/// (`1.5 s`, `0.35 s`, `1.923 s`). Written by hand so the text never depends on a locale.
enum SecondsText {
    static func format(_ seconds: Double) -> String {
        // Beyond a trillion seconds (absurd input) the integer arithmetic below could overflow.
        guard seconds.isFinite, seconds.magnitude < 1e12 else { return "\(seconds) s" }
        let milliseconds = Int64((seconds * 1000).rounded())
        let sign = milliseconds < 0 ? "-" : ""
        let magnitude = milliseconds.magnitude
        let whole = magnitude / 1000
        var fraction = String(magnitude % 1000)
        while fraction.count < 3 { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.isEmpty ? "\(sign)\(whole) s" : "\(sign)\(whole).\(fraction) s"
    }
}
