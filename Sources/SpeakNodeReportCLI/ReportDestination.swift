import Foundation
import Mustache

/// Where one rendered report goes: a file written while the report renders, or standard
/// output, which gets the whole text once it rendered (so a failed render prints nothing).
enum ReportDestination {
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

/// Text collected piece by piece, from the thread that renders it.
final class TextBuffer: @unchecked Sendable {
    // Guarded by `lock`.
    private var pieces: [String] = []
    private let lock = NSLock()

    func append(_ piece: String) {
        lock.withLock { pieces.append(piece) }
    }

    var text: String {
        lock.withLock { pieces.joined() }
    }
}
