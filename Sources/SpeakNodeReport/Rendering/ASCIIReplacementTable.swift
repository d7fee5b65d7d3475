/// The byte-level engine behind the XML and HTML escapers: each ASCII character is kept,
/// removed or replaced by fixed text; the non-characters U+FFFE and U+FFFF and the explicit
/// directional formatting characters (see ``DirectionalFormatting``) are removed.
///
/// Escaping runs over every interpolated value of a report, transcripts included, so it works
/// on UTF-8 bytes rather than Unicode scalars, and returns text that needs no change as it is.
struct ASCIIReplacementTable: Sendable {
    /// For each ASCII byte: 0 keep, 1 remove, 2 + n replace by `replacements[n]`.
    private let actions: [UInt8]
    private let replacements: [[UInt8]]

    private static let keep: UInt8 = 0
    private static let remove: UInt8 = 1

    /// - Parameters:
    ///   - replacements: ASCII characters and the text each becomes.
    ///   - removed: ASCII characters that are dropped.
    init(replacements: [Unicode.Scalar: String], removed: [ClosedRange<UInt8>]) {
        var actions = [UInt8](repeating: Self.keep, count: 128)
        for range in removed {
            for byte in range { actions[Int(byte)] = Self.remove }
        }
        var texts: [[UInt8]] = []
        for (scalar, text) in replacements.sorted(by: { $0.key.value < $1.key.value }) where scalar.isASCII {
            actions[Int(scalar.value)] = 2 + UInt8(texts.count)
            texts.append(Array(text.utf8))
        }
        self.actions = actions
        self.replacements = texts
    }

    func apply(to text: String) -> String {
        var text = text
        let original = text
        return text.withUTF8 { bytes in
            actions.withUnsafeBufferPointer { actions in
                guard let first = firstChange(in: bytes, actions: actions) else { return original }
                var output: [UInt8] = []
                output.reserveCapacity(bytes.count + bytes.count / 8 + 16)
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<first]))
                var index = first
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        let action = actions[Int(byte)]
                        if action == Self.keep {
                            output.append(byte)
                        } else if action != Self.remove {
                            output.append(contentsOf: replacements[Int(action - 2)])
                        }
                        index += 1
                    } else if isRemovedSequence(bytes, at: index) {
                        index += 3
                    } else {
                        output.append(byte)
                        index += 1
                    }
                }
                return String(decoding: output, as: UTF8.self)
            }
        }
    }

    /// The index of the first byte that is not kept as it is, or `nil` when the text needs no change.
    private func firstChange(in bytes: UnsafeBufferPointer<UInt8>, actions: UnsafeBufferPointer<UInt8>) -> Int? {
        for index in bytes.indices {
            let byte = bytes[index]
            if byte < 0x80 {
                if actions[Int(byte)] == Self.keep { continue }
                return index
            }
            if isRemovedSequence(bytes, at: index) { return index }
        }
        return nil
    }

    /// Whether a removed three-byte character starts at `index`: U+FFFE or U+FFFF (`EF BF BE`,
    /// `EF BF BF`), U+202A–U+202E (`E2 80 AA`–`E2 80 AE`) or U+2066–U+2069 (`E2 81 A6`–`E2 81 A9`).
    @inline(__always)
    private func isRemovedSequence(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let lead = bytes[index]
        guard lead == 0xEF || lead == 0xE2, index + 2 < bytes.count else { return false }
        let second = bytes[index + 1], third = bytes[index + 2]
        if lead == 0xEF { return second == 0xBF && (third == 0xBE || third == 0xBF) }
        return (second == 0x80 && (0xAA...0xAE).contains(third)) || (second == 0x81 && (0xA6...0xA9).contains(third))
    }
}
