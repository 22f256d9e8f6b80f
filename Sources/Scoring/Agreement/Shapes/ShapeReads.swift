/// The shape reads of a reader study as a table: one row per item, one column per reader, each cell a read or
/// missing. Items and readers keep the order in which they first appear in the reads, as `AgreementReads`.
public struct ShapeReads: Sendable, Equatable {
    /// The items, in order of first appearance.
    public let itemIDs: [String]
    /// The readers, in order of first appearance.
    public let readerIDs: [String]
    /// `cells[item * readerCount + reader]`: the read, or nil.
    private let cells: [ShapeRead?]

    /// The table of `reads`. Throws when a reader read the same item twice.
    public init(_ reads: [ShapeRead]) throws(AgreementError) {
        var items: [String: Int] = [:]
        var readers: [String: Int] = [:]
        for read in reads {
            if items[read.item] == nil { items[read.item] = items.count }
            if readers[read.reader] == nil { readers[read.reader] = readers.count }
        }
        var cells = [ShapeRead?](repeating: nil, count: items.count * readers.count)
        for read in reads {
            let index = items[read.item]! * readers.count + readers[read.reader]!
            guard cells[index] == nil else { throw .duplicateShapeRead(item: read.item, reader: read.reader) }
            cells[index] = read
        }
        itemIDs = items.sorted { $0.value < $1.value }.map(\.key)
        readerIDs = readers.sorted { $0.value < $1.value }.map(\.key)
        self.cells = cells
    }

    /// The number of items.
    public var itemCount: Int { itemIDs.count }
    /// The number of readers.
    public var readerCount: Int { readerIDs.count }

    /// The read of `item` by `reader`, nil when they did not read it.
    public func read(item: Int, reader: Int) -> ShapeRead? {
        cells[item * readerCount + reader]
    }

    /// The readers of `item`, in reader order.
    public func readers(of item: Int) -> [Int] {
        (0..<readerCount).filter { cells[item * readerCount + $0] != nil }
    }
}
