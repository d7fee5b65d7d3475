import Foundation
import Testing
@testable import SpeakNodeReport

@Suite("Reading whole files")
struct FileReadingTests {
    @Test("a regular file comes back whole, whatever its size", arguments: [0, 1, 4095, 65_536, 300_001])
    func regularFile(size: Int) throws {
        let folder = try InputTestFolder()
        var generator = SeededGenerator(seed: UInt64(size))
        let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let path = try folder.write("data.bin", bytes: bytes)
        #expect(try FileReading.readFile(atPath: path) == bytes)
    }

    @Test("input whose size is not known in advance (a pipe) is read to its end, past the first buffer")
    func pipe() throws {
        let folder = try InputTestFolder()
        let path = folder.path + "/fifo"
        #expect(mkfifo(path, 0o600) == 0)
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        // The writer blocks on opening until the reader opens the other end.
        let writer = Thread {
            guard let handle = FileHandle(forWritingAtPath: path) else { return }
            handle.write(Data(bytes))
            try? handle.close()
        }
        writer.start()
        #expect(try FileReading.readFile(atPath: path) == bytes)
    }

    @Test("files read one after another into one buffer each come back whole")
    func reusedBuffer() throws {
        let folder = try InputTestFolder()
        var buffer: [UInt8] = []
        for (index, size) in [300_001, 0, 17, 65_536, 70_000, 5].enumerated() {
            var generator = SeededGenerator(seed: UInt64(size + 1))
            let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let path = try folder.write("data\(index).bin", bytes: bytes)
            let count = try FileReading.readFile(atPath: path, into: &buffer)
            #expect(count == size)
            #expect(Array(buffer[..<count]) == bytes)
        }
        #expect(buffer.count <= 600_002)
        #expect(throws: FileReading.ReadError("cannot open: No such file or directory")) {
            try FileReading.readFile(atPath: "/nonexistent/speaknode/file.json", into: &buffer)
        }
    }

    @Test("a pipe read into a buffer is read to its end, past the buffer's first size")
    func pipeIntoBuffer() throws {
        let folder = try InputTestFolder()
        let path = folder.path + "/fifo"
        #expect(mkfifo(path, 0o600) == 0)
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 * 11) }
        let writer = Thread {
            guard let handle = FileHandle(forWritingAtPath: path) else { return }
            handle.write(Data(bytes))
            try? handle.close()
        }
        writer.start()
        var buffer: [UInt8] = []
        let count = try FileReading.readFile(atPath: path, into: &buffer)
        #expect(Array(buffer[..<count]) == bytes)
    }

    @Test("a missing file is an error that says why")
    func missing() {
        #expect(throws: FileReading.ReadError("cannot open: No such file or directory")) {
            try FileReading.readFile(atPath: "/nonexistent/speaknode/file.json")
        }
    }
}
