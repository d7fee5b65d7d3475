/// Escapes text for XML 1.0 text content and attribute values (single or double quoted).
///
/// Characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF) are removed, because no
/// escape can represent them and one of them makes the whole document unreadable to a CI
/// server. Carriage return becomes `&#13;` so parsers keep it; tab and line feed stay as they
/// are (inside an attribute value a parser reads them as spaces, which suits a one-line message).
/// Directional overrides are removed too (see `DirectionalFormatting`).
public enum XMLEscaper {
    public static func escape(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\r": result += "&#13;"
            default:
                if !isForbidden(scalar) && !DirectionalFormatting.isExplicit(scalar) {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// Whether XML 1.0 forbids the character: U+0000–U+0008, U+000B, U+000C, U+000E–U+001F,
    /// U+FFFE and U+FFFF. (Lone surrogates cannot occur in a Swift `String`.)
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F: true
        case 0xFFFE, 0xFFFF: true
        default: false
        }
    }
}
