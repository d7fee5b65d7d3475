import Foundation

/// An untrusted URL that reports may show as a link: only `http` and `https` URLs qualify,
/// so payload text can never smuggle a `javascript:` or `data:` link into a report.
enum WebLink {
    /// The URL when it is an absolute http(s) URL with a host, with every character that could
    /// end a Markdown link destination or table cell percent-encoded; `nil` otherwise.
    static func http(_ text: String?) -> String? {
        guard let text else { return nil }
        // Text that starts and ends with visible ASCII has nothing to trim (the common case, and
        // Foundation's trimming is costly when every attempt of a large run has a recording).
        let trimmed = startsAndEndsVisibly(text) ? text : text.trimmingCharacters(in: .whitespacesAndNewlines)
        let lowered = trimmed.lowercased()
        let scheme = lowered.hasPrefix("https://") ? "https://" : lowered.hasPrefix("http://") ? "http://" : nil
        guard let scheme else { return nil }
        let rest = trimmed.dropFirst(scheme.count)
        guard let first = rest.first, first != "/", first != "?", first != "#" else { return nil }
        if rest.utf8.allSatisfy(isKeptAsIs) { return scheme + rest }
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

    private static func startsAndEndsVisibly(_ text: String) -> Bool {
        guard let first = text.utf8.first, let last = text.utf8.last else { return false }
        return (0x21...0x7E).contains(first) && (0x21...0x7E).contains(last)
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
