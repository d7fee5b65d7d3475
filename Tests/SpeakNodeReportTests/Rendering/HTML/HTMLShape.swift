/// The markup of an HTML document reduced to what payload text must never add: element names,
/// `element@attribute` pairs, ids and link targets.
///
/// A small scanner, not a parser: it relies on what the templates guarantee (attribute values
/// always in double quotes, text escaped), skips comments and the doctype, and does not look
/// inside `<script>` and `<style>`, whose text is the templates' own.
struct HTMLShape {
    var elements: Set<String> = []
    var attributes: Set<String> = []
    /// Every `id` value, in document order (duplicates kept, so tests can find them).
    var ids: [String] = []
    /// Every `href` and `src` value, in document order.
    var links: [String] = []
    /// How many times each element name opens.
    var counts: [String: Int] = [:]

    init(_ html: String) {
        let text = Array(html.unicodeScalars)
        var index = 0
        func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-"
        }
        func skip(past marker: String) {
            let needle = Array(marker.unicodeScalars)
            while index < text.count {
                if text[index...].starts(with: needle) {
                    index += needle.count
                    return
                }
                index += 1
            }
        }
        while index < text.count {
            guard text[index] == "<" else {
                index += 1
                continue
            }
            index += 1
            guard index < text.count else { break }
            if text[index] == "!" {
                skip(past: ">")
                continue
            }
            if text[index] == "/" {
                skip(past: ">")
                continue
            }
            var name = ""
            while index < text.count, isNameCharacter(text[index]) {
                name.unicodeScalars.append(text[index])
                index += 1
            }
            name = name.lowercased()
            guard !name.isEmpty else { continue }
            elements.insert(name)
            counts[name, default: 0] += 1
            // Attributes up to the end of the tag.
            while index < text.count, text[index] != ">" {
                if text[index] == " " || text[index] == "\n" || text[index] == "/" {
                    index += 1
                    continue
                }
                var attribute = ""
                while index < text.count, !" =>\n".unicodeScalars.contains(text[index]) {
                    attribute.unicodeScalars.append(text[index])
                    index += 1
                }
                var value = ""
                if index < text.count, text[index] == "=" {
                    index += 1
                    if index < text.count, text[index] == "\"" {
                        index += 1
                        while index < text.count, text[index] != "\"" {
                            value.unicodeScalars.append(text[index])
                            index += 1
                        }
                        index += 1
                    } else {
                        while index < text.count, !" >\n".unicodeScalars.contains(text[index]) {
                            value.unicodeScalars.append(text[index])
                            index += 1
                        }
                    }
                }
                let lowered = attribute.lowercased()
                attributes.insert("\(name)@\(lowered)")
                if lowered == "id" { ids.append(value) }
                if lowered == "href" || lowered == "src" { links.append(value) }
            }
            index += 1
            if name == "script" { skip(past: "</script>") }
            if name == "style" { skip(past: "</style>") }
        }
    }
}
