#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the delivery files in a folder tree, in an order that never depends on the file system.
enum FolderSearch {
    /// The paths, relative to `folder`, of the `.json`, `.ndjson` and `.jsonl` files below it,
    /// sorted byte-wise; hidden files and folders (names starting with `.`) are skipped, and a
    /// folder reached twice through symbolic links is searched once.
    ///
    /// It runs before any file is decoded, on one thread, so it asks the file system little:
    /// an entry's type comes from the directory listing itself, and only an entry the listing
    /// cannot type (a symbolic link, or a file system that does not say) costs a `stat`.
    static func deliveryFiles(in folder: String) -> [String] {
        var found: [String] = []
        var visited: Set<String> = []
        collect(folder: folder, relativePath: "", into: &found, visited: &visited)
        return found.sorted(by: precedesBytewise)
    }

    /// Whether `first` sorts before `second` comparing their UTF-8 bytes, as `memcmp` would.
    static func precedesBytewise(_ first: String, _ second: String) -> Bool {
        var first = first, second = second
        return first.withUTF8 { one in
            second.withUTF8 { other in
                let common = min(one.count, other.count)
                if common > 0, let oneStart = one.baseAddress, let otherStart = other.baseAddress {
                    let order = memcmp(oneStart, otherStart, common)
                    if order != 0 { return order < 0 }
                }
                return one.count < other.count
            }
        }
    }

    private static func collect(folder: String, relativePath: String, into found: inout [String],
                                visited: inout Set<String>) {
        let resolved = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        guard visited.insert(resolved).inserted, let entries = listing(of: folder) else { return }
        for entry in entries where !entry.name.hasPrefix(".") {
            let path = folder.hasSuffix("/") ? folder + entry.name : folder + "/" + entry.name
            let relative = relativePath.isEmpty ? entry.name : relativePath + "/" + entry.name
            let isDirectory: Bool
            switch entry.type {
            case .file: isDirectory = false
            case .folder: isDirectory = true
            case .unknown:
                // Follows a symbolic link to what it names; a broken link is skipped.
                guard let kind = PathKind(path: path) else { continue }
                isDirectory = kind == .folder
            }
            if isDirectory {
                collect(folder: path, relativePath: relative, into: &found, visited: &visited)
            } else if InputFormat.searchedExtensions.contains(InputFormat.lowercasedExtension(of: entry.name)) {
                found.append(relative)
            }
        }
    }

    /// What a directory listing says about one entry.
    private struct Entry {
        enum Kind { case file, folder, unknown }
        var name: String
        var type: Kind
    }

    /// The entries of a folder, `.` and `..` left out; `nil` when it cannot be listed.
    private static func listing(of folder: String) -> [Entry]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var entries: [Entry] = []
        while let pointer = readdir(directory) {
            let name = withUnsafePointer(to: &pointer.pointee.d_name) { tuple in
                tuple.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: tuple.pointee)) {
                    String(cString: $0)
                }
            }
            guard name != "." && name != ".." else { continue }
            let type: Entry.Kind = switch Int32(pointer.pointee.d_type) {
            case Int32(DT_REG): .file
            case Int32(DT_DIR): .folder
            default: .unknown
            }
            entries.append(Entry(name: name, type: type))
        }
        return entries
    }
}
