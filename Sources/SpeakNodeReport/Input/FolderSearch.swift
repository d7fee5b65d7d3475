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
    /// The paths of the `.json`, `.ndjson` and `.jsonl` files below `folder`, each `folder`
    /// (with a `/` added unless it ends in one) followed by its path relative to `folder`,
    /// sorted byte-wise by that relative path; hidden files and folders (names starting with
    /// `.`) are skipped, and a folder reached twice through symbolic links is searched once.
    ///
    /// It runs before any file is decoded, on one thread, so it asks the file system little
    /// and makes few strings: an entry's type comes from the directory listing itself (only an
    /// entry the listing cannot type, a symbolic link or a file system that does not say, costs
    /// a `stat`), names are kept and sorted as bytes in one buffer (``FoundPaths``), and each
    /// path becomes a `String` once, already joined to the folder.
    static func deliveryFiles(in folder: String) -> [String] {
        var found = FoundPaths()
        var visited: Set<String> = []
        collect(folder: folder, relativePath: [], into: &found, visited: &visited)
        return found.sortedPaths(under: folder.hasSuffix("/") ? folder : folder + "/")
    }

    /// Whether `first` sorts before `second` comparing their UTF-8 bytes, as `memcmp` would.
    static func precedesBytewise(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>) -> Bool {
        let common = min(first.count, second.count)
        if common > 0, let firstStart = first.baseAddress, let secondStart = second.baseAddress {
            let order = memcmp(firstStart, secondStart, common)
            if order != 0 { return order < 0 }
        }
        return first.count < second.count
    }

    /// Adds the delivery files below `folder`, whose path relative to the searched folder is
    /// `relativePath` (empty, or ending in `/`).
    private static func collect(folder: String, relativePath: [UInt8], into found: inout FoundPaths,
                                visited: inout Set<String>) {
        let resolved = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        guard visited.insert(resolved).inserted,
              let subfolders = addFiles(in: folder, relativePath: relativePath, to: &found)
        else { return }
        for var name in subfolders {
            let subfolderPath = relativePath + name.withUTF8(Array.init) + [UInt8(ascii: "/")]
            collect(folder: path(of: name, in: folder), relativePath: subfolderPath, into: &found, visited: &visited)
        }
    }

    /// Adds the delivery files directly in `folder` and returns the names of its subfolders, in
    /// the order listed (the folder is closed before they are searched); `nil` when it cannot be
    /// listed.
    private static func addFiles(in folder: String, relativePath: [UInt8], to found: inout FoundPaths) -> [String]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var subfolders: [String] = []
        while let entry = readdir(directory) {
            let type = Int32(entry.pointee.d_type)
            withUnsafePointer(to: &entry.pointee.d_name) { tuple in
                tuple.withMemoryRebound(to: UInt8.self, capacity: MemoryLayout.size(ofValue: tuple.pointee)) { start in
                    let name = UnsafeBufferPointer(start: start, count: strlen(start))
                    switch kind(of: name, type: type, in: folder) {
                    case .skipped: break
                    case .folder(let name): subfolders.append(name)
                    case .file(nil): found.append(relativePath, name)
                    case .file(var name?): name.withUTF8 { found.append(relativePath, $0) }
                    }
                }
            }
        }
        return subfolders
    }

    /// What a directory entry is to the search.
    private enum EntryKind {
        /// Hidden, `.` or `..`, a file of another kind, or a broken link.
        case skipped
        /// A folder (or a link to one), by name.
        case folder(String)
        /// A delivery file; its name as a `String` when that differs from the listed bytes
        /// (repaired invalid UTF-8), `nil` when the bytes serve as they are.
        case file(String?)
    }

    /// What the directory entry called `name`, of listed type `type`, is.
    ///
    /// An ASCII name (every name a SpeakNode export writes) is judged on its bytes. Any other
    /// name goes through the `String` rules (`hasPrefix`, ``InputFormat/lowercasedExtension(of:)``),
    /// which work on characters (a combining mark after a leading `.` makes a name not hidden),
    /// and invalid UTF-8 is repaired, as the `String` that names the file shows it.
    private static func kind(of name: UnsafeBufferPointer<UInt8>, type: Int32, in folder: String) -> EntryKind {
        // `.` and `..` are hidden names too.
        let period = UInt8(ascii: ".")
        var nameString: String?
        let isSearched: Bool
        if name.allSatisfy(UTF8.isASCII) {
            if name.first == period { return .skipped }
            isSearched = InputFormat(asciiPath: name) != .detected
        } else {
            let text = String(decoding: name, as: UTF8.self)
            if text.hasPrefix(".") { return .skipped }
            isSearched = InputFormat(lowercasedExtension: InputFormat.lowercasedExtension(of: text)) != .detected
            nameString = text
        }
        let isFolder: Bool
        switch type {
        case Int32(DT_REG): isFolder = false
        case Int32(DT_DIR): isFolder = true
        default:
            // Follows a symbolic link to what it names; a broken link is skipped.
            let text = nameString ?? String(decoding: name, as: UTF8.self)
            guard let kind = PathKind(path: path(of: text, in: folder)) else { return .skipped }
            isFolder = kind == .folder
        }
        if isFolder { return .folder(nameString ?? String(decoding: name, as: UTF8.self)) }
        return isSearched ? .file(nameString) : .skipped
    }

    private static func path(of name: String, in folder: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}

/// The relative paths of the files found, as UTF-8 bytes one after another in one buffer.
///
/// Sorting 12,000 `String`s spent most of its time getting at their bytes; ranges into one
/// buffer are compared in place with `memcmp`, and moving them costs no reference counting.
struct FoundPaths {
    private var utf8: [UInt8] = []
    private var ranges: [Range<Int>] = []

    /// Adds the path `folder` + `name`, `folder` being empty or ending in `/`.
    mutating func append(_ folder: [UInt8], _ name: UnsafeBufferPointer<UInt8>) {
        let start = utf8.count
        utf8.append(contentsOf: folder)
        utf8.append(contentsOf: name)
        ranges.append(start..<utf8.count)
    }

    /// The paths sorted byte-wise, each after `prefix`.
    func sortedPaths(under prefix: String) -> [String] {
        var ranges = ranges
        var prefix = prefix
        return utf8.withUnsafeBufferPointer { bytes in
            ranges.sort { FolderSearch.precedesBytewise(UnsafeBufferPointer(rebasing: bytes[$0]), UnsafeBufferPointer(rebasing: bytes[$1])) }
            return prefix.withUTF8 { prefix in
                ranges.map { range in
                    String(unsafeUninitializedCapacity: prefix.count + range.count) { path in
                        _ = path.initialize(fromContentsOf: prefix)
                        _ = path[prefix.count...].initialize(fromContentsOf: bytes[range])
                        return prefix.count + range.count
                    }
                }
            }
        }
    }
}
