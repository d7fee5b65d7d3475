/// Finds where each object of a top-level JSON array starts and ends, so that a large array
/// of deliveries can be decoded on several threads.
///
/// It only follows the structure (strings, brackets, commas) and checks nothing else: each
/// element is then decoded, and so checked, on its own. Anything but an array of objects
/// separated by commas and whitespace gives `nil`, and the caller reads the document the
/// general way.
enum TopLevelArraySplitter {
    /// One element: its bytes and the 1-based line it starts on.
    struct Element {
        var range: Range<Int>
        var line: Int
    }

    static func elements(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> [Element]? {
        var position = start
        var line = 1
        func skipWhitespace() {
            while position < bytes.count && ASCIIByte.isWhitespace(bytes[position]) {
                if bytes[position] == ASCIIByte.newline { line += 1 }
                position += 1
            }
        }
        skipWhitespace()
        guard position < bytes.count, bytes[position] == ASCIIByte.openBracket else { return nil }
        position += 1
        skipWhitespace()
        var elements: [Element] = []
        if position < bytes.count && bytes[position] == ASCIIByte.closeBracket {
            position += 1
            skipWhitespace()
            return position == bytes.count ? elements : nil
        }
        while true {
            guard position < bytes.count, bytes[position] == ASCIIByte.openBrace else { return nil }
            let elementStart = position
            let elementLine = line
            guard let end = endOfObject(in: bytes, from: position, line: &line) else { return nil }
            elements.append(Element(range: elementStart..<end, line: elementLine))
            position = end
            skipWhitespace()
            guard position < bytes.count else { return nil }
            if bytes[position] == ASCIIByte.closeBracket {
                position += 1
                skipWhitespace()
                return position == bytes.count ? elements : nil
            }
            guard bytes[position] == ASCIIByte.comma else { return nil }
            position += 1
            skipWhitespace()
        }
    }

    /// The index just past the object that starts at `start`, counting the line feeds in it.
    private static func endOfObject(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, line: inout Int) -> Int? {
        var depth = 0
        var index = start
        var isInString = false
        while index < bytes.count {
            let byte = bytes[index]
            if isInString {
                if byte == ASCIIByte.backslash {
                    index += 1
                } else if byte == ASCIIByte.quote {
                    isInString = false
                }
            } else {
                switch byte {
                case ASCIIByte.quote: isInString = true
                case ASCIIByte.openBrace, ASCIIByte.openBracket: depth += 1
                case ASCIIByte.closeBrace, ASCIIByte.closeBracket:
                    depth -= 1
                    if depth == 0 { return index + 1 }
                case ASCIIByte.newline: line += 1
                default: break
                }
            }
            index += 1
        }
        return nil
    }
}
