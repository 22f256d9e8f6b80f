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

    /// The classes of the polygons, each once, as they first appear item by item and reader by reader (for Dice one
    /// class at a time).
    public var polygonClassNames: [String] { Self.ordered(cells.lazy.compactMap { $0 }.flatMap { $0.polygons.map(\.className) }) }

    /// The classes of the points, each once, in the same order (for F1 one class at a time).
    public var pointClassNames: [String] { Self.ordered(cells.lazy.compactMap { $0 }.flatMap { $0.points.map(\.className) }) }

    private static func ordered(_ names: some Sequence<String>) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }

    /// The readers of `item`, in reader order.
    public func readers(of item: Int) -> [Int] {
        (0..<readerCount).filter { cells[item * readerCount + $0] != nil }
    }
}
