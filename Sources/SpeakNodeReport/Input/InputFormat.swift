/// How the contents of one input are laid out.
public enum InputFormat: Sendable, Hashable {
    /// One JSON document: a delivery object, or an array of them (`.json`).
    case json
    /// One delivery per line (`.ndjson`, `.jsonl`).
    case ndjson
    /// Not known from the name (standard input, other extensions): decided from the contents.
    case detected

    /// The file extensions read when searching a folder, lowercased.
    public static let searchedExtensions: Set<String> = ["json", "ndjson", "jsonl"]

    /// The format a file's name promises, `.detected` when its extension says nothing.
    ///
    /// An ASCII path, as nearly every path is, is read from its bytes; any other goes through
    /// ``lowercasedExtension(of:)``, whose character rules its bytes alone do not give.
    public init(path: String) {
        if let format = path.utf8.withContiguousStorageIfAvailable({ InputFormat(asciiPath: $0) }) ?? nil {
            self = format
        } else {
            self.init(lowercasedExtension: InputFormat.lowercasedExtension(of: path))
        }
    }

    /// The format an extension (lowercased, without its dot) promises.
    init(lowercasedExtension: String) {
        switch lowercasedExtension {
        case "json": self = .json
        case "ndjson", "jsonl": self = .ndjson
        default: self = .detected
        }
    }

    /// The format an ASCII path's extension promises, read from its UTF-8 bytes with the rules
    /// of ``lowercasedExtension(of:)``; `nil` when the path is not all ASCII.
    ///
    /// In ASCII a character is a byte (or `\r\n`, which holds neither `/` nor `.`), and only the
    /// letters of `json`, `ndjson` and `jsonl` in either case lowercase to them, so reading bytes
    /// gives the same answer without making a lowercased string for every file.
    init?(asciiPath path: UnsafeBufferPointer<UInt8>) {
        guard path.allSatisfy(UTF8.isASCII) else { return nil }
        let nameStart = path.lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0
        guard let dot = path[nameStart...].lastIndex(of: UInt8(ascii: ".")), dot != nameStart else {
            self = .detected
            return
        }
        let fileExtension = path[(dot + 1)...]
        if Self.extension(fileExtension, is: "json") {
            self = .json
        } else if Self.extension(fileExtension, is: "ndjson") || Self.extension(fileExtension, is: "jsonl") {
            self = .ndjson
        } else {
            self = .detected
        }
    }

    /// Whether ASCII bytes spell `lowercaseLetters` in any mix of cases. Setting bit 5 turns an
    /// upper-case ASCII letter into its lower case and leaves a lower-case one as it is; no
    /// other byte becomes a letter that way.
    private static func `extension`(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, is lowercaseLetters: StaticString) -> Bool {
        let letters = UnsafeBufferPointer(start: lowercaseLetters.utf8Start, count: lowercaseLetters.utf8CodeUnitCount)
        return bytes.count == letters.count && zip(bytes, letters).allSatisfy { $0 | 0x20 == $1 }
    }

    /// The part of the last path component after its last dot, lowercased; empty when none.
    static func lowercasedExtension(of path: String) -> String {
        let name = path.lastIndex(of: "/").map { path[path.index(after: $0)...] } ?? Substring(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
