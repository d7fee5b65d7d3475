/// The byte-level engine behind the XML and HTML escapers: each ASCII character is kept,
/// removed or replaced by fixed text, and the non-characters U+FFFE and U+FFFF are removed.
///
/// Escaping runs over every interpolated value of a report, transcripts included, so it works
/// on UTF-8 bytes rather than Unicode scalars, and returns text that needs no change as it is.
struct ASCIIReplacementTable: Sendable {
    private enum Action: Sendable {
        case keep
        case remove
        case replace([UInt8])
    }

    private let actions: [Action]

    /// - Parameters:
    ///   - replacements: ASCII characters and the text each becomes.
    ///   - removed: ASCII characters that are dropped.
    init(replacements: [Unicode.Scalar: String], removed: [ClosedRange<UInt8>]) {
        var actions = [Action](repeating: .keep, count: 128)
        for range in removed {
            for byte in range { actions[Int(byte)] = .remove }
        }
        for (scalar, text) in replacements where scalar.isASCII {
            actions[Int(scalar.value)] = .replace(Array(text.utf8))
        }
        self.actions = actions
    }

    func apply(to text: String) -> String {
        var text = text
        let original = text
        return text.withUTF8 { bytes in
            guard let first = firstChange(in: bytes) else { return original }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + bytes.count / 8 + 16)
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<first]))
            var index = first
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    switch actions[Int(byte)] {
                    case .keep: output.append(byte)
                    case .remove: break
                    case .replace(let replacement): output.append(contentsOf: replacement)
                    }
                    index += 1
                } else if isNonCharacter(bytes, at: index) {
                    index += 3
                } else {
                    output.append(byte)
                    index += 1
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// The index of the first byte that is not kept as it is, or `nil` when the text needs no change.
    private func firstChange(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        for index in bytes.indices {
            let byte = bytes[index]
            if byte < 0x80 {
                if case .keep = actions[Int(byte)] { continue }
                return index
            }
            if isNonCharacter(bytes, at: index) { return index }
        }
        return nil
    }

    /// Whether U+FFFE or U+FFFF (`EF BF BE`, `EF BF BF`) starts at `index`.
    @inline(__always)
    private func isNonCharacter(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        bytes[index] == 0xEF && index + 2 < bytes.count && bytes[index + 1] == 0xBF
            && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF)
    }
}
