extension String {
    /// The first `limit` characters when the text has more, else `nil`: for cutting long
    /// payload text. Text with no more bytes than `limit` is answered without counting its
    /// characters, and longer text is walked only as far as the cut.
    ///
    /// The walk reads UTF-8 bytes for as long as every scalar is a character of its own
    /// (``CharacterBoundaries/isAlwaysSeparate(_:)``: ASCII, Latin, Greek, Cyrillic, common
    /// punctuation, CJK), which is most payload text; only from the first other scalar on does
    /// it ask `String` to find characters, which costs several times as much per character.
    func characterPrefix(ifLongerThan limit: Int) -> Substring? {
        guard utf8.count > limit else { return nil }
        let walked = utf8.withContiguousStorageIfAvailable { CharacterBoundaries.separateScalars(in: $0, upTo: limit) }
        guard let walked else { return characterPrefix(from: startIndex, ifLongerThan: limit) }
        switch walked {
        case .fewer:
            return nil
        case .cut(let byteCount):
            return self[..<utf8.index(startIndex, offsetBy: byteCount)]
        case .boundary(let byteCount, let charactersBefore):
            return characterPrefix(from: utf8.index(startIndex, offsetBy: byteCount), ifLongerThan: limit - charactersBefore)
        }
    }

    /// ``characterPrefix(ifLongerThan:)`` counting characters from `start`, a character
    /// boundary with `limit` characters left to keep after it.
    private func characterPrefix(from start: Index, ifLongerThan limit: Int) -> Substring? {
        guard let cut = index(start, offsetBy: limit, limitedBy: endIndex), cut < endIndex else { return nil }
        return self[..<cut]
    }
}

/// Where characters begin in UTF-8 text, told from its scalars alone where they allow.
enum CharacterBoundaries {
    /// What ``separateScalars(in:upTo:)`` found.
    enum Walk: Equatable {
        /// The text has no more than the limit's characters.
        case fewer
        /// The first `limit` characters take `byteCount` bytes, and more follow.
        case cut(byteCount: Int)
        /// A scalar that may join its neighbours comes first: `byteCount` bytes in, a character
        /// boundary with `charactersBefore` characters before it, is as far as the bytes tell.
        case boundary(byteCount: Int, charactersBefore: Int)
    }

    /// Walks valid UTF-8 `text` while each scalar is a character of its own, up to `limit`
    /// characters and the start of the next.
    static func separateScalars(in text: UnsafeBufferPointer<UInt8>, upTo limit: Int) -> Walk {
        var position = 0
        var scalars = 0
        // The start of the last separate scalar: a boundary, since the scalar before it (if
        // any) was separate too.
        var lastStart = 0
        while position < text.count {
            let lead = text[position]
            let scalar: UInt32
            let length: Int
            if lead < 0x80 {
                (scalar, length) = (UInt32(lead), 1)
            } else if lead < 0xE0 {
                (scalar, length) = (UInt32(lead & 0x1F) << 6 | UInt32(text[position + 1] & 0x3F), 2)
            } else if lead < 0xF0 {
                let high = UInt32(lead & 0x0F) << 12 | UInt32(text[position + 1] & 0x3F) << 6
                (scalar, length) = (high | UInt32(text[position + 2] & 0x3F), 3)
            } else {
                // Four bytes: emoji (with modifiers, joiners, flags) and rarer scripts.
                return .boundary(byteCount: lastStart, charactersBefore: max(0, scalars - 1))
            }
            guard isAlwaysSeparate(scalar) else {
                return .boundary(byteCount: lastStart, charactersBefore: max(0, scalars - 1))
            }
            // Separate, so a boundary comes before it: `limit` characters end here.
            if scalars == limit { return .cut(byteCount: position) }
            lastStart = position
            scalars += 1
            position += length
        }
        return .fewer
    }

    /// Whether a scalar is a character of its own next to any other such scalar: its grapheme
    /// cluster break property is `Other`, `Control` or `LF`, which break on both sides (CR,
    /// which joins a following LF, is left out). Text of such scalars has one character per
    /// scalar. The ranges are those of common scripts and punctuation, without their
    /// combining marks (a test checks every scalar of them against `String`).
    static func isAlwaysSeparate(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x0D: false
        // ASCII, Latin-1, Latin Extended-A and -B, IPA and spacing modifier letters (before
        // the combining diacritical marks at U+0300).
        case 0x0000...0x02FF: true
        // Greek and Cyrillic, without Cyrillic's combining marks (U+0483–U+0489).
        case 0x0370...0x0482, 0x048A...0x052F: true
        // Dashes, quotation marks, bullets, ellipsis and other general punctuation (without
        // the joiners and format controls around it).
        case 0x2010...0x2027, 0x2030...0x205E: true
        // Hiragana, Katakana and CJK ideographs (without the voicing marks U+3099–U+309A).
        case 0x3041...0x3096, 0x30A1...0x30FA, 0x4E00...0x9FFF: true
        default: false
        }
    }
}
