/// Everything read from the inputs: the deliveries in input order, and what could not be read.
public struct InputBatch: Sendable, Hashable {
    /// The deliveries, in the order of the inputs and, inside each input, of the file.
    public var deliveries: [Delivery]
    /// Files, lines and deliveries that could not be read, in the order they were met.
    public var problems: [InputProblem]
    /// How many files (standard input counts as one) were read, whatever their contents.
    public var filesRead: Int

    public init(deliveries: [Delivery] = [], problems: [InputProblem] = [], filesRead: Int = 0) {
        self.deliveries = deliveries
        self.problems = problems
        self.filesRead = filesRead
    }

    /// Adds what another batch read after what this one read.
    ///
    /// An empty batch takes the other's arrays as they are: reading one folder then costs no
    /// copy of each of its deliveries (and the reference counting of every field they hold).
    public mutating func append(contentsOf other: InputBatch) {
        if deliveries.isEmpty && problems.isEmpty && filesRead == 0 {
            self = other
            return
        }
        deliveries.append(contentsOf: other.deliveries)
        problems.append(contentsOf: other.problems)
        filesRead += other.filesRead
    }
}
