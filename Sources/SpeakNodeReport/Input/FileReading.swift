#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// Reads all bytes of the file at `path` into the start of `buffer`, returning how many
    /// there are; the bytes after those are left over from earlier files.
    ///
    /// A worker reading file after file reuses one buffer, grown to the largest file, instead
    /// of allocating (and faulting in) fresh memory for every file.
    static func readFile(atPath path: String, into buffer: inout [UInt8]) throws(ReadError) -> Int {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .fromErrno("cannot open") }
        defer { close(descriptor) }
        var status = stat()
        let expectedSize = fstat(descriptor, &status) == 0 ? Int(status.st_size) : 0
        // One byte more than the file, so that the read finding its end needs no growing.
        if buffer.count <= expectedSize { grow(&buffer, toHold: expectedSize + 1) }
        var count = 0
        while true {
            if count == buffer.count { grow(&buffer, toHold: count * 2) }
            let result = buffer.withUnsafeMutableBytes { bytes in
                read(descriptor, bytes.baseAddress.map { $0 + count }, bytes.count - count)
            }
            if result < 0 && errno == EINTR { continue }
            if result < 0 { throw .fromErrno("cannot read") }
            if result == 0 { return count }
            count += result
        }
    }

    /// Grows the buffer to at least `size` bytes, and at least 64 KiB, keeping its bytes.
    private static func grow(_ buffer: inout [UInt8], toHold size: Int) {
        let newCount = max(size, 64 * 1024, buffer.count)
        buffer.append(contentsOf: repeatElement(0, count: newCount - buffer.count))
    }

    /// All bytes of standard input, up to its end.
    @Sendable public static func readStandardInput() throws -> [UInt8] {
        try readAll(from: STDIN_FILENO, expectedSize: 0)
    }

    /// Reads until the end of the input. The buffer starts one byte larger than a regular file's
    /// size, so such a file takes one `read` plus the one that finds its end, and it is never
    /// zero-filled first: every byte the array holds was read.
    private static func readAll(from descriptor: Int32, expectedSize: Int) throws(ReadError) -> [UInt8] {
        var capacity = expectedSize > 0 ? expectedSize + 1 : 64 * 1024
        var bytes: [UInt8] = []
        while true {
            var failure: ReadError?
            var reachedEnd = false
            let previous = bytes
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                guard let base = buffer.baseAddress else { return }
                count = previous.withUnsafeBufferPointer { old in
                    guard let oldBase = old.baseAddress else { return 0 }
                    base.initialize(from: oldBase, count: old.count)
                    return old.count
                }
                while count < capacity {
                    let result = read(descriptor, base + count, capacity - count)
                    if result < 0 && errno == EINTR { continue }
                    if result < 0 { failure = .fromErrno("cannot read"); return }
                    if result == 0 { reachedEnd = true; return }
                    count += result
                }
            }
            if let failure { throw failure }
            if reachedEnd { return bytes }
            capacity *= 2
        }
    }
}
