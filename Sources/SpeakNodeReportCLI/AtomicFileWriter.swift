/// Writes a whole text to a file so that readers see either the old contents or the new,
/// never a part (see ``AtomicFile``, which also takes the text piece by piece).
struct AtomicFileWriter {
    /// Creates missing parent directories before writing.
    var createsParentDirectories = true

    /// Writes `contents` to `path`; throws a failure naming the path and the reason.
    func write(_ contents: String, to path: String) throws(CommandFailure) {
        let file = try AtomicFile(path: path, createsParentDirectories: createsParentDirectories)
        file.write(contents)
        try file.commit()
    }
}
