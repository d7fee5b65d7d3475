extension Array {
    /// The same elements in a buffer of their own size when appending left much of the buffer
    /// unused (growing by doubling leaves up to half of it empty).
    ///
    /// Decoded transcripts stay in memory for the whole run, so their spare capacity is memory
    /// held for nothing; copying a transcript once costs little next to decoding it.
    func withoutSpareCapacity() -> [Element] {
        guard capacity - count > count / 8 else { return self }
        return withUnsafeBufferPointer { Array($0) }
    }
}
