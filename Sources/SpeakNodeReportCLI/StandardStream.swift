#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Unbuffered writes to a file descriptor, with the reason when they fail.
///
/// The executable ignores `SIGPIPE`, so `speaknode-report --help | head -1` does not kill the
/// process: a write to a closed pipe fails with `EPIPE` instead. Help and version text ignore
/// such failures, as there is nobody left to tell; a report written to standard output does
/// not, because a full disk behind `> summary.md` must not pass for success.
enum StandardStream {
    /// Why a write failed, in words: `No space left on device`.
    struct WriteError: Error, CustomStringConvertible {
        var description: String
    }

    static func write(_ text: String, to descriptor: Int32) throws(WriteError) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { buffer in
                writeToDescriptor(descriptor, buffer.baseAddress, buffer.count)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw WriteError(description: String(cString: strerror(errno)))
            }
            bytes = bytes.dropFirst(written)
        }
    }
}
