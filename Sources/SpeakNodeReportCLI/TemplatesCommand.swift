#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SpeakNodeReport

/// `speaknode-report templates DIR`: writes the built-in templates for editing.
///
/// Nothing is written when any file exists and `--force` is not given, so a folder is never
/// left half old, half new.
struct TemplatesCommand {
    var arguments: ParsedArguments
    var console: Console

    func run() -> ExitCode {
        guard let directory = arguments.positional("DIR").first else { return .usageOrInputError }
        let force = arguments.flag("force")
        do throws(CommandFailure) {
            if PathKind(path: directory) == .file {
                throw CommandFailure("\(directory) is a file, not a directory")
            }
            let files = TemplateSet.builtinFiles
            let paths = files.map { URL(fileURLWithPath: directory).appendingPathComponent($0.fileName).path }
            let existing = paths.filter { FileManager.default.fileExists(atPath: $0) }
            if !existing.isEmpty, !force {
                throw CommandFailure(
                    "not replacing existing \(existing.count == 1 ? "file" : "files") \(existing.joined(separator: ", ")) (use --force)")
            }
            var text = ""
            for (file, path) in zip(files, paths) {
                try AtomicFileWriter().write(file.contents, to: path)
                text += "wrote \(path)\n"
            }
            text += "Edit them and pass --templates \(directory) to render; files you delete fall back to the built-in ones.\n"
            console.writeError(text)
            return .success
        } catch {
            console.writeErrorLine(error.message)
            return .usageOrInputError
        }
    }
}
