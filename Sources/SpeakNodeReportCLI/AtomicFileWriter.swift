import Foundation

/// Writes a file so that readers see either the old contents or the new, never a part.
///
/// The bytes go to a temporary file in the same directory, are flushed to disk (`fsync`),
/// and the temporary file is then renamed over the destination. If anything fails, the
/// temporary file is removed and the destination is left as it was.
///
/// On Linux the temporary file is first made without a name (`O_TMPFILE`) and is given one only
/// just before the rename, so a process killed while writing (Ctrl-C, `kill -9`, a crash)
/// leaves nothing behind, except when the kill lands in the instant between naming and renaming:
/// then the hidden `.NAME.UUID.tmp` holds the complete new report. Where unnamed files are not
/// supported, that hidden file is used from the start.
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
        if let unnamed = Self.openUnnamed(in: directory.path) {
            let linked = try finish(unnamed, writing: contents, for: path) { descriptor in
                linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, temporary, Self.followSymbolicLinks) == 0
            }
            if linked {
                try moveIntoPlace(temporary, path)
                return
            }
            // No /proc to name the file by: write it again under a visible temporary name.
        }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(path) }
        do {
            _ = try finish(descriptor, writing: contents, for: path) { _ in true }
        } catch {
            unlink(temporary)
            throw error
        }
        try moveIntoPlace(temporary, path)
    }

    /// Writes all of `contents` to `descriptor`, flushes it to disk, runs `beforeClosing`, and
    /// closes it; returns what `beforeClosing` returned.
    private func finish(_ descriptor: Int32, writing contents: String, for path: String,
                        beforeClosing: (Int32) -> Bool) throws(CommandFailure) -> Bool {
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
        let result = beforeClosing(descriptor)
        guard close(descriptor) == 0 else { throw failure(path) }
        return result
    }

    private func moveIntoPlace(_ temporary: String, _ path: String) throws(CommandFailure) {
        guard rename(temporary, path) == 0 else {
            let error = failure(path)
            unlink(temporary)
            throw error
        }
    }

    /// A file without a name in `directory`, open for writing; `nil` where that is not supported.
    private static func openUnnamed(in directory: String) -> Int32? {
        #if os(Linux)
        let descriptor = open(directory, unnamedFileFlags | O_WRONLY | O_CLOEXEC, 0o644)
        return descriptor >= 0 ? descriptor : nil
        #else
        return nil
        #endif
    }

    #if os(Linux)
    /// `O_TMPFILE`, which Glibc defines as a macro Swift cannot import: `__O_TMPFILE | O_DIRECTORY`,
    /// with `__O_TMPFILE` = 0o20000000 on every architecture Swift runs on.
    private static let unnamedFileFlags: Int32 = 0o20000000 | O_DIRECTORY
    private static let followSymbolicLinks: Int32 = AT_SYMLINK_FOLLOW
    #else
    private static let followSymbolicLinks: Int32 = 0
    #endif

    /// The current `errno`, in words, for `path`.
    private func failure(_ path: String) -> CommandFailure {
        CommandFailure("cannot write \(path): \(String(cString: strerror(errno)))")
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).localizedDescription
    }
}
