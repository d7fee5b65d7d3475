import Foundation

/// Reading whole inputs into memory in one go, with errors that read well in a problem list.
public enum FileReading {
    /// Why an input could not be read, in one line.
    public struct ReadError: Error, Sendable, Hashable, CustomStringConvertible {
        public var description: String

        public init(_ description: String) {
            self.description = description
        }

        static func fromErrno(_ what: String) -> ReadError {
            ReadError("\(what): \(String(cString: strerror(errno)))")
        }
    }

    /// All bytes of the file at `path`, read with as few system calls as its size allows.
    public static func readFile(atPath path: String) throws(ReadError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .fromErrno("cannot open") }
        defer { close(descriptor) }
        var status = stat()
        let expectedSize = fstat(descriptor, &status) == 0 ? Int(status.st_size) : 0
        return try readAll(from: descriptor, expectedSize: expectedSize)
    }

    /// All bytes of standard input, up to its end.
    @Sendable public static func readStandardInput() throws -> [UInt8] {
        try readAll(from: STDIN_FILENO, expectedSize: 0)
    }

    private static func readAll(from descriptor: Int32, expectedSize: Int) throws(ReadError) -> [UInt8] {
        var bytes: [UInt8] = []
        var capacity = max(expectedSize + 1, 64 * 1024)
        while true {
            if bytes.count == capacity { capacity *= 2 }
            let previousCount = bytes.count
            var failure: ReadError?
            bytes.append(contentsOf: repeatElement(0, count: capacity - previousCount))
            let readCount = bytes.withUnsafeMutableBufferPointer { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                while true {
                    let result = read(descriptor, base + previousCount, capacity - previousCount)
                    if result < 0 && errno == EINTR { continue }
                    if result < 0 { failure = .fromErrno("cannot read") }
                    return max(result, 0)
                }
            }
            bytes.removeLast(capacity - previousCount - readCount)
            if let failure { throw failure }
            if readCount == 0 { return bytes }
        }
    }
}
