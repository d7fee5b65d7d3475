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
        var start = 0
        for rank in ranks.sorted() where rank >= start && rank < count {
            // The smallest or the largest of the elements left takes one scan to find, where
            // partitioning would take several: the rank just after a found one (each
            // percentile's upper rank) and the maximum are such ranks.
            if rank == start {
                moveExtreme(to: rank, searching: start..<count, by: <)
            } else if rank == count - 1 {
                moveExtreme(to: rank, searching: start..<count, by: >)
            } else {
                moveToSortedPosition(rank: rank, searching: start..<count)
            }
            // Everything after `rank` now sorts after it, so the next rank is among those.
            start = rank + 1
        }
    }

    /// The most elements that are sorted whole rather than searched rank by rank.
    static var sortedOutright: Int { 64 }

    /// Swaps the element of `range` that comes before all others `by` into `position`.
    private mutating func moveExtreme(to position: Int, searching range: Range<Int>, by comesBefore: (Element, Element) -> Bool) {
        var extreme = range.lowerBound
        for index in range where comesBefore(self[index], self[extreme]) { extreme = index }
        swapAt(position, extreme)
    }

    /// Hoare's *find* within `range`, which must hold every element that sorts at `rank`.
    private mutating func moveToSortedPosition(rank: Int, searching range: Range<Int>) {
        var low = range.lowerBound
        var high = range.upperBound - 1
        // Each round shrinks the range around `rank`. Once it is small, sorting it is quicker;
        // unlucky pivots could make the rounds slow, so after enough of them the rest is sorted too.
        var roundsLeft = 64
        while low < high {
            guard high - low > 16, roundsLeft > 0 else {
                self[low...high].sort()
                return
            }
            roundsLeft -= 1
            let pivot = self[low + (high - low) / 2]
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
    }
}
