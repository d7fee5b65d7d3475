#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Dispatch
import SpeakNodeReport
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file being written that appears at its path only once complete: readers see either the
/// old contents or the new, never a part.
///
/// The text goes, piece by piece as it is rendered, to a temporary file in the same directory;
/// `commit()` flushes it to disk (`fsync`) and renames it over the destination. If anything
/// fails, or the file is discarded, the temporary file is removed and the destination is left
/// as it was.
///
/// On Linux the temporary file is made without a name (`O_TMPFILE`) and is given one only
/// just before the rename, so a process killed while writing (Ctrl-C, `kill -9`, a crash)
/// leaves nothing behind, except when the kill lands in the instant between naming and renaming:
/// then the hidden `.NAME.UUID.tmp` holds the complete new report. Where unnamed files are not
/// supported (or `/proc` is not there to name one by), that hidden file is used from the start.
///
/// A report of a hundred megabytes would leave `commit()` waiting for all of it to reach the
/// disk. Instead, every few megabytes (``defaultFlushInterval``) the file asks for what it has so far to be
/// flushed on a background queue, while the report goes on rendering; `commit()` then waits only
/// for the rest.
///
/// One thread writes a file at a time (the renderer of its report); `commit()` or `discard()`
/// follows once writing is over.
final class AtomicFile: @unchecked Sendable {
    let path: String
    private let temporary: String
    private let isUnnamed: Bool
    private var descriptor: Int32
    /// The first write that failed; later writes are skipped and `commit()` throws it.
    private var writeFailure: CommandFailure?
    /// Bytes written since the last background flush was asked for.
    private var unflushedBytes = 0
    /// Runs the background flushes, one after another; `commit()` and `discard()` wait for it
    /// before the descriptor is closed.
    private let flushes = DispatchQueue(label: "speaknode-report.AtomicFile.flushes")
    /// The first background flush that failed. Linux reports a failed write-back only once, so
    /// `commit()` must not take the final `fsync`'s success for all of it.
    private let flushFailure = FlushFailure()

    /// How much is written between background flushes.
    private let flushInterval: Int

    /// How much a report file writes between background flushes, unless told otherwise.
    static let defaultFlushInterval = 16 << 20

    /// Opens the temporary file for `path`, creating missing parent directories when asked.
    init(
        path: String, createsParentDirectories: Bool = true, flushInterval: Int = AtomicFile.defaultFlushInterval
    ) throws(CommandFailure) {
        self.path = path
        self.flushInterval = flushInterval
        let destination = URL(fileURLWithPath: path)
        if PathKind(path: path) == .folder {
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
        temporary = directory.appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString).tmp").path
        if let unnamed = Self.openUnnamed(in: directory.path) {
            descriptor = unnamed
            isUnnamed = true
        } else {
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            isUnnamed = false
            guard descriptor >= 0 else { throw Self.failure(path) }
        }
    }

    deinit {
        discard()
    }

    /// Appends `text` as UTF-8. A failure (a full disk, a file size limit) is kept for `commit()` to throw.
    func write(_ text: String) {
        // A piece can be megabytes: write the string's own UTF-8 storage, not a copy.
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    /// Appends `bytes`, a piece of a rendered report. A failure is kept for `commit()` to throw.
    func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { write($0) }
    }

    private func write(_ bytes: UnsafeRawBufferPointer) {
        guard writeFailure == nil, descriptor >= 0 else { return }
        var offset = 0
        while offset < bytes.count {
            let written = writeToDescriptor(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                writeFailure = Self.failure(path)
                return
            }
            offset += written
        }
        unflushedBytes += bytes.count
        if unflushedBytes >= flushInterval {
            unflushedBytes = 0
            flushInBackground()
        }
    }

    /// Asks for what was written so far to be flushed to disk, without waiting for it.
    /// The flush holds no reference to the file, so the file's `deinit` never runs on `flushes`.
    private func flushInBackground() {
        let (descriptor, path, flushFailure) = (descriptor, path, flushFailure)
        flushes.async {
            if fsync(descriptor) != 0, flushFailure.failure == nil { flushFailure.failure = Self.failure(path) }
        }
    }

    /// Set on `flushes` only, and read after waiting for it.
    private final class FlushFailure: @unchecked Sendable {
        var failure: CommandFailure?
    }

    /// Flushes the file to disk and puts it at its path, replacing what was there.
    func commit() throws(CommandFailure) {
        guard descriptor >= 0 else { throw CommandFailure("cannot write \(path): the file was already closed") }
        flushes.sync {}
        if let failure = writeFailure ?? flushFailure.failure {
            discard()
            throw failure
        }
        guard fsync(descriptor) == 0 else {
            let error = Self.failure(path)
            discard()
            throw error
        }
        if isUnnamed {
            guard linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, temporary, Self.followSymbolicLinks) == 0 else {
                let error = Self.failure(path)
                discard()
                throw error
            }
        }
        let closed = close(descriptor) == 0
        descriptor = -1
        guard closed else {
            let error = Self.failure(path)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let error = Self.failure(path)
            unlink(temporary)
            throw error
        }
    }

    /// Throws the file away; the destination stays as it was.
    func discard() {
        guard descriptor >= 0 else { return }
        flushes.sync {}
        close(descriptor)
        descriptor = -1
        // An unnamed file vanishes when closed; a named one is removed.
        if !isUnnamed { unlink(temporary) }
    }

    /// A file without a name in `directory`, open for writing; `nil` where that is not supported
    /// or where `/proc`, which names it at the end, is missing.
    private static func openUnnamed(in directory: String) -> Int32? {
        #if os(Linux)
        guard access("/proc/self/fd", F_OK) == 0 else { return nil }
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
    private static func failure(_ path: String) -> CommandFailure {
        CommandFailure("cannot write \(path): \(String(cString: strerror(errno)))")
    }

    private static func reason(_ error: any Error) -> String {
        SystemErrorText.reason(of: error)
    }
}
