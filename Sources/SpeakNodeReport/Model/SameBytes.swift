#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether two runs of bytes are the same, byte for byte: how the tables that share repeated
/// text recognize a text seen before, and how two shared texts compare.
enum SameBytes {
    /// Whether `first` and `second` hold the same bytes: their counts first, then the C
    /// library's `memcmp`, which compares many bytes at a time.
    @inline(__always)
    static func check(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>) -> Bool {
        guard first.count == second.count else { return false }
        guard let firstStart = first.baseAddress, let secondStart = second.baseAddress else { return true }
        return firstStart == secondStart || memcmp(firstStart, secondStart, first.count) == 0
    }
}
