/// One reader's label for one item of a reader study: the input unit of every agreement statistic.
public struct ReaderRead: Sendable, Hashable {
    /// The item read (a tile, a region, a slide), as the study names it.
    public let item: String
    /// The reader, as the study names them.
    public let reader: String
    /// The label, as an index into the study's ordered list of categories.
    public let label: Int

    /// The read of `item` by `reader` with category index `label`.
    public init(item: String, reader: String, label: Int) {
        self.item = item
        self.reader = reader
        self.label = label
    }
}
