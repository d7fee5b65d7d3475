#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads the timestamps of one delivery that are in SpeakNode's own form, remembering the
/// day of the last one.
///
/// A delivery's timestamps nearly all fall on the same day (a call lasts minutes, and every
/// turn has three timestamps), so checking `YYYY-MM-DD` and counting its days again for each
/// was most of the work. The day's ten bytes are kept as two numbers: a timestamp that starts
/// with the same bytes has the same, already checked day, and only its time of day is read.
/// Everything is computed as ``TimestampParser`` computes it, so the dates are the same.
struct SpeakNodeTimestampReader {
    /// Bytes 0..<8 and 8..<10 of the last day read. No day is made of zero bytes, so the
    /// initial zeros match none.
    private var dayHead: UInt64 = 0
    private var dayTail: UInt16 = 0
    /// The day number of those bytes.
    private var days = 0

    /// The moment the UTF-8 text in `bytes` names when it is in SpeakNode's own form
    /// (`YYYY-MM-DDThh:mm:ss[.fraction]Z`), else `nil`, as ``TimestampParser/date(inSpeakNodeFormUTF8:)``.
    mutating func date(inSpeakNodeForm bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        guard TimestampParser.isSpeakNodeFormLength(bytes.count), let text = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(text)
        let head = raw.loadUnaligned(as: UInt64.self)
        let tail = raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self)
        if head != dayHead || tail != dayTail {
            guard let days = TimestampParser.daysSinceEpoch(ofSpeakNodeDay: text) else { return nil }
            dayHead = head
            dayTail = tail
            self.days = days
        }
        return TimestampParser.utcDate(inSpeakNodeForm: text, count: bytes.count, daysSinceEpoch: days)
    }
}
