#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An untrusted URL that reports may show as a link: only `http` and `https` URLs qualify,
/// so payload text can never smuggle a `javascript:` or `data:` link into a report.
enum WebLink {
    /// The URL when it is an absolute http(s) URL with a host, with every character that could
    /// end a Markdown link destination or table cell percent-encoded; `nil` otherwise.
    static func http(_ text: String?) -> String? {
        guard let text else { return nil }
        if let link = plainLink(text) { return link }
        let trimmed = text.trimmedOfWhitespace
        guard let scheme = scheme(of: trimmed) else { return nil }
        let rest = trimmed.dropFirst(scheme.count)
        guard let first = rest.first, first != "/", first != "?", first != "#" else { return nil }
        // Read from the text's storage when it can be: signed recording URLs run to hundreds of
        // bytes, and every test's is asked for by several reports.
        let isKeptAsIs = rest.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(Self.isKeptAsIs) }
            ?? rest.utf8.allSatisfy(Self.isKeptAsIs)
        if isKeptAsIs {
            // Reports ask for the link of every recording several times: a URL that is already
            // as it should be (the common case) is answered with itself, without a new string.
            return trimmed.utf8.starts(with: scheme.utf8) ? trimmed : scheme + rest
        }
        var result = scheme
        for scalar in rest.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return nil }
            if scalar.isASCII && !percentEncoded.contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 { result += "%" + String(byte, radix: 16, uppercase: true).leftPadded() }
            }
        }
        return result
    }

    /// `text` itself when it is a link as it stands, the common case: visible ASCII (so there
    /// is nothing to trim and every character is one byte) that starts with a lowercase
    /// `https://` or `http://` followed by a host, with nothing to encode. `nil` when it is not,
    /// and the careful path decides.
    ///
    /// Reports ask for the link of every test and attempt, and a recording URL runs to hundreds
    /// of bytes: reading them once as bytes is far cheaper than trimming, finding the scheme and
    /// dropping it by characters.
    private static func plainLink(_ text: String) -> String? {
        let isPlainLink = text.utf8.withContiguousStorageIfAvailable { bytes in
            let schemeLength = bytes.starts(with: "https://".utf8) ? 8 : bytes.starts(with: "http://".utf8) ? 7 : 0
            guard schemeLength > 0, schemeLength < bytes.count else { return false }
            switch bytes[schemeLength] {
            case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"): return false
            default: return bytes.allSatisfy(Self.isKeptAsIs)
            }
        }
        return isPlainLink == true ? text : nil
    }

    /// `https://` or `http://` when `text` starts with it in any case, else `nil`.
    ///
    /// The same answer as `text.lowercased().hasPrefix(scheme)`, without lowercasing the whole
    /// text: only ASCII letters lowercase to the letters of a scheme, and `hasPrefix` compares
    /// characters, so a scheme followed by a combining mark (which joins its `/`) is none.
    private static func scheme(of text: String) -> String? {
        for scheme in ["https://", "http://"] where startsCaseInsensitively(text, with: scheme) {
            let end = text.utf8.index(text.startIndex, offsetBy: scheme.utf8.count)
            return text.index(text.startIndex, offsetBy: scheme.count) == end ? scheme : nil
        }
        return nil
    }

    /// Whether the bytes of `text` start with `prefix` (lowercase ASCII), ignoring the case of ASCII letters.
    private static func startsCaseInsensitively(_ text: String, with prefix: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        for expected in prefix.utf8 {
            guard let byte = bytes.next() else { return false }
            let lowered = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
            guard lowered == expected else { return false }
        }
        return true
    }

    /// Whether the byte is visible ASCII that the loop below would copy unchanged.
    private static func isKeptAsIs(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\\"),
             UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}"):
            return false
        default:
            return (0x21...0x7E).contains(byte)
        }
    }

    /// Characters RFC 3986 does not allow in a URL, which could end a Markdown link destination,
    /// a table cell or an attribute; encoding them does not change what the URL means.
    private static let percentEncoded: Set<Unicode.Scalar> = [
        " ", "\"", "'", "<", ">", "\\", "^", "`", "{", "|", "}",
    ]
}

extension String {
    fileprivate func leftPadded() -> String { count < 2 ? "0" + self : self }
}
