#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What a path names, symbolic links followed: what `FileManager.fileExists(atPath:isDirectory:)`
/// tells, asked of the system directly so that the answer reads the same on every platform
/// (Foundation's variant takes an `ObjCBool` on macOS and a `Bool` on Linux).
public enum PathKind: Sendable, Hashable {
    case file
    case folder

    /// The kind of what `path` names, or `nil` when nothing is there (or a link is broken).
    public init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        self = status.st_mode & S_IFMT == S_IFDIR ? .folder : .file
    }
}
