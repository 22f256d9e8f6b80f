/// One pair of readers' agreement averaged over the items both read.
public struct ReaderPairMean: Sendable, Equatable {
    /// Reader A, an index into `ShapeReads.readerIDs` (always before reader B).
    public let readerA: Int
    /// Reader B.
    public let readerB: Int
    /// The number of items both read.
    public let itemCount: Int
    /// The mean of the pair's Dice or F1 over those items.
    public let mean: Double
}
