#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization
import Mustache

/// Where one rendered report goes: a file written while the report renders, or standard
/// output, which gets the whole text once it rendered (so a failed render prints nothing).
enum ReportDestination: Sendable {
    case file(AtomicFile)
    case standardOutput(TextBuffer)
    /// The file could not be opened; the report is not written.
    case unwritable(CommandFailure)

    /// Opens the destination of `file`.
    init(_ file: WrittenFile) {
        if file.isStandardOutput {
            self = .standardOutput(TextBuffer())
            return
        }
        do {
            self = .file(try AtomicFile(path: file.path))
        } catch {
            self = .unwritable(error)
        }
    }

    /// What the renderer hands each piece of the report to.
    var sink: TextSink {
        switch self {
        case .file(let file): { file.write($0) }
        case .standardOutput(let buffer): { buffer.append($0) }
        case .unwritable: { _ in }
        }
    }
}

/// Text collected piece by piece as UTF-8 bytes, from the thread that renders it.
final class TextBuffer: @unchecked Sendable {
    // Guarded by `lock`.
    private var bytes: [UInt8] = []
    private let lock = Mutex(())

    func append(_ piece: [UInt8]) {
        lock.withLock { _ in bytes += piece }
    }

    /// The pieces joined. A renderer's pieces are valid UTF-8 (see `TextSink`), so decoding
    /// keeps them as they are.
    var text: String {
        lock.withLock { _ in String(decoding: bytes, as: UTF8.self) }
    }
}
