import Foundation

/// Writes a file so that readers see either the old contents or the new, never a part.
///
/// The bytes go to a temporary file in the same directory, are flushed to disk (`fsync`),
/// and the temporary file is then renamed over the destination. If anything fails, the
/// temporary file is removed and the destination is left as it was.
struct AtomicFileWriter {
    /// Creates missing parent directories before writing.
    var createsParentDirectories = true

    /// Writes `contents` to `path`; throws a failure naming the path and the reason.
    func write(_ contents: String, to path: String) throws(CommandFailure) {
        let destination = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CommandFailure("cannot write \(path): it is a directory")
        }
        let directory = destination.deletingLastPathComponent()
        if createsParentDirectories {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw CommandFailure("cannot write \(path): cannot create its directory (\(Self.reason(error)))")
            }
        }

        let temporary = directory.appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(path) }

        var succeeded = false
        defer {
            if !succeeded { unlink(temporary) }
        }
        // A report can be a hundred megabytes: write the string's own UTF-8 storage, not a copy.
        var contents = contents
        let writeFailed = contents.withUTF8 { bytes -> Bool in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return true
                }
                offset += written
            }
            return false
        }
        if writeFailed {
            let error = failure(path)
            close(descriptor)
            throw error
        }
        guard fsync(descriptor) == 0 else {
            let error = failure(path)
            close(descriptor)
            throw error
        }
        guard close(descriptor) == 0 else { throw failure(path) }
        guard rename(temporary, path) == 0 else { throw failure(path) }
        succeeded = true
    }

    /// The current `errno`, in words, for `path`.
    private func failure(_ path: String) -> CommandFailure {
        CommandFailure("cannot write \(path): \(String(cString: strerror(errno)))")
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).localizedDescription
    }
}
