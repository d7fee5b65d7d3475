import Foundation

/// Finds the delivery files in a folder tree, in an order that never depends on the file system.
enum FolderSearch {
    /// The paths, relative to `folder`, of the `.json`, `.ndjson` and `.jsonl` files below it,
    /// sorted byte-wise; hidden files and folders (names starting with `.`) are skipped, and a
    /// folder reached twice through symbolic links is searched once.
    static func deliveryFiles(in folder: String) -> [String] {
        var found: [String] = []
        var visited: Set<String> = []
        collect(folder: folder, relativePath: "", into: &found, visited: &visited)
        return found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    private static func collect(folder: String, relativePath: String, into found: inout [String],
                                visited: inout Set<String>) {
        let resolved = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        guard visited.insert(resolved).inserted,
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder)
        else { return }
        for name in names where !name.hasPrefix(".") {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            let relative = relativePath.isEmpty ? name : relativePath + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                collect(folder: path, relativePath: relative, into: &found, visited: &visited)
            } else if InputFormat.searchedExtensions.contains(InputFormat.lowercasedExtension(of: name)) {
                found.append(relative)
            }
        }
    }
}
