extension Array where Element: Comparable {
    /// Moves the elements that sorting would put at `ranks` to exactly those positions,
    /// without sorting the rest: afterwards `self[rank] == sorted()[rank]` for each rank.
    ///
    /// Statistics need a handful of ranks of up to a few hundred thousand latencies; finding
    /// them by partitioning (Hoare's *find*) takes linear time where a sort takes n log n.
    /// Ranks outside the array are ignored.
    mutating func moveToSortedPositions(ranks: [Int]) {
        // Most sets are a test's few dozen values: one sort of those is quicker than a scan
        // or a partitioning per rank, and puts every rank in place at once.
        guard count > Self.sortedOutright else {
            sort()
            return
        }
        // Worked on through a buffer: an array's subscript and `swapAt` check the index and
        // whether the storage is shared on every access, which was most of the time spent here
        // for a report's hundreds of thousands of values.
        withUnsafeMutableBufferPointer { $0.moveToSortedPositions(ranks: ranks) }
    }

    /// The most elements that are sorted whole rather than searched rank by rank.
    static var sortedOutright: Int { 64 }
}

extension UnsafeMutableBufferPointer where Element: Comparable {
    /// ``Swift/Array/moveToSortedPositions(ranks:)`` for more elements than are sorted outright.
    fileprivate func moveToSortedPositions(ranks: [Int]) {
        var start = 0
        for rank in ranks.sorted() where rank >= start && rank < count {
            // The smallest or the largest of the elements left takes one scan to find, where
            // partitioning would take several: the rank just after a found one (each
            // percentile's upper rank, when the search for its lower one did not place it) and
            // the maximum are such ranks.
            var placedThrough = rank
            if rank == start {
                moveExtreme(to: rank, searching: start..<count, by: <)
            } else if rank == count - 1 {
                moveExtreme(to: rank, searching: start..<count, by: >)
            } else {
                placedThrough = moveToSortedPosition(rank: rank, searching: start..<count)
            }
            // Everything after `placedThrough` now sorts after it, so the next rank is among
            // those; the ones up to it are in place already.
            start = placedThrough + 1
        }
    }

    /// Swaps the element of `range` that comes before all others `by` into `position`.
    private func moveExtreme(to position: Int, searching range: Range<Int>, by comesBefore: (Element, Element) -> Bool) {
        var extreme = range.lowerBound
        for index in range where comesBefore(self[index], self[extreme]) { extreme = index }
        swapAt(position, extreme)
    }

    /// Hoare's *find* within `range`, which must hold every element that sorts at `rank`.
    ///
    /// Returns the last position, from `rank` on, known to hold what sorting puts there: the
    /// search ends by sorting the few elements around `rank`, so the rank just after it (each
    /// percentile's upper one) is usually in place already and needs no scan of its own.
    private func moveToSortedPosition(rank: Int, searching range: Range<Int>) -> Int {
        var low = range.lowerBound
        var high = range.upperBound - 1
        // Each round shrinks the range around `rank`. Once it is small, sorting it is quicker;
        // unlucky pivots could make the rounds slow, so after enough of them the rest is sorted too.
        var roundsLeft = 64
        while low < high {
            guard high - low > 16, roundsLeft > 0 else {
                var rest = UnsafeMutableBufferPointer(rebasing: self[low...high])
                rest.sort()
                // Nothing before `low` sorts after these and nothing after `high` before them.
                return Swift.max(rank, high)
            }
            roundsLeft -= 1
            // The middle one of three values splits the range nearer its middle than one value
            // does, so fewer rounds are needed; it is one of the range's values, which keeps
            // both scans below inside the range.
            let pivot = Self.middle(self[low], self[low + (high - low) / 2], self[high])
            var i = low, j = high
            repeat {
                while self[i] < pivot { i += 1 }
                while pivot < self[j] { j -= 1 }
                if i <= j {
                    swapAt(i, j)
                    i += 1
                    j -= 1
                }
            } while i <= j
            // Now low…j hold no element after the pivot and i…high none before it.
            if j < rank { low = i }
            if rank < i { high = j }
        }
        return rank
    }

    /// The one of three values that sorts between the other two.
    private static func middle(_ a: Element, _ b: Element, _ c: Element) -> Element {
        if a < b {
            if b < c { return b }
            return a < c ? c : a
        }
        if a < c { return a }
        return b < c ? c : b
    }
}
