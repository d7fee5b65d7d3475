/// A fast, unkeyed hash of a text's bytes, for the tables that share repeated text while decoding.
///
/// Those tables hash nearly every text of every delivery, most of them seen once, so the hash
/// must cost little next to reading the text: it takes eight bytes per step (a rotation, an
/// exclusive or and a multiplication) and mixes the result once at the end. It has no secret
/// key, so input can be made to collide on purpose; the tables stay fast all the same because
/// they look at only a few slots per text (``SharingSlots``) and, when those are taken,
/// simply keep the text unshared. Sharing only saves memory: it never changes a value.
enum TextHash {
    private static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = UInt64(bytes.count) &* multiplier
        guard let base = bytes.baseAddress else { return mixed(hash) }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            hash = ((hash << 5 | hash >> 59) ^ word) &* multiplier
            index += 8
        }
        if index < bytes.count {
            // The last 1 to 7 bytes as the low bytes of a word, as if read one by one: taken
            // from the text's last eight bytes when it has eight, else byte by byte.
            let remaining = bytes.count - index
            var word: UInt64 = 0
            if bytes.count >= 8 {
                word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)) >> (8 * UInt64(8 - remaining))
            } else {
                for offset in 0..<remaining { word |= UInt64(bytes[index + offset]) << (8 * UInt64(offset)) }
            }
            hash = ((hash << 5 | hash >> 59) ^ word) &* multiplier
        }
        return mixed(hash)
    }

    /// Spreads every bit of `hash` over all bits of the result (MurmurHash3's finalizer), so
    /// both halves of the result can be used: the high half as a tag, the low bits as a slot.
    private static func mixed(_ hash: UInt64) -> UInt64 {
        var hash = hash
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash &*= 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        return hash
    }
}
