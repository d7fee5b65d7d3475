import Foundation

/// Unbuffered writes to a file descriptor that give up quietly when the reader has gone.
///
/// The executable ignores `SIGPIPE`, so `speaknode-report --help | head -1` does not kill the
/// process; a write that fails with `EPIPE` (or any other error) just stops, as there is
/// nobody left to tell.
enum StandardStream {
    static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { buffer in
                Foundation.write(descriptor, buffer.baseAddress, buffer.count)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }
}
