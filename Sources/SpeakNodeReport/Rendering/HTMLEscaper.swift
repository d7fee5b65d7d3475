/// Escapes text for HTML text content and quoted attribute values.
///
/// The five characters that can open markup or end an attribute are replaced by references,
/// and the control characters XML 1.0 forbids (NUL among them) are removed; tab, line feed
/// and carriage return are kept. Directional overrides are removed too (see `DirectionalFormatting`).
public enum HTMLEscaper {
    public static func escape(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default:
                if !XMLEscaper.isForbidden(scalar) && !DirectionalFormatting.isExplicit(scalar) {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
