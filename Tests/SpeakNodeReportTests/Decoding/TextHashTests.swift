import Testing
@testable import SpeakNodeReport

@Suite("TextHash")
struct TextHashTests {
    /// The hash as first written: eight bytes per step, the last few bytes one by one.
    private func byteByByteHash(_ bytes: [UInt8]) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = UInt64(bytes.count) &* multiplier
        var index = 0
        while index < bytes.count {
            var word: UInt64 = 0
            for offset in 0..<min(8, bytes.count - index) { word |= UInt64(bytes[index + offset]) << (8 * UInt64(offset)) }
            hash = ((hash << 5 | hash >> 59) ^ word) &* multiplier
            index += 8
        }
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash &*= 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        return hash
    }

    @Test("the last bytes of a text hash as if read one by one, whatever surrounds the text")
    func lastBytes() {
        let all = Array("Hello, thanks for calling, how can I help you today? é€𝄞".utf8)
        for start in 0..<9 {
            for end in start...all.count {
                let text = Array(all[start..<end])
                let inPlace = all.withUnsafeBufferPointer { TextHash.hash(UnsafeBufferPointer(rebasing: $0[start..<end])) }
                #expect(inPlace == byteByByteHash(text), "\(start)..<\(end)")
                #expect(text.withUnsafeBufferPointer(TextHash.hash) == inPlace)
            }
        }
    }
}
