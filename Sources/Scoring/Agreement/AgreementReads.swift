/// The reads of a reader study as a table: one row per item, one column per reader, each cell a category index
/// or missing. Categories are an ordered list, so ordinal, linear and quadratic statistics have a meaning.
///
/// Items and readers keep the order in which they first appear in the reads. An item may have any number of
/// reads from zero to every reader; each statistic says how it treats items with fewer than two.
public struct AgreementReads: Sendable, Equatable {
    /// The categories in their order (least to most severe, for ordinal statistics).
    public let categories: [String]
    /// The items, in order of first appearance.
    public let itemIDs: [String]
    /// The readers, in order of first appearance.
    public let readerIDs: [String]
    /// `labels[item * readerCount + reader]`: the category index, or −1 for no read.
    let labels: [Int32]

    /// The table of `reads`. Throws for a label outside the categories or a reader reading an item twice.
    public init(categories: [String], reads: [ReaderRead]) throws(AgreementError) {
        guard !categories.isEmpty else { throw .noCategories }
        var items: [String: Int] = [:]
        var readers: [String: Int] = [:]
        var itemIDs: [String] = []
        var readerIDs: [String] = []
        var cells: [(item: Int, reader: Int, label: Int)] = []
        cells.reserveCapacity(reads.count)
        for read in reads {
            guard (0..<categories.count).contains(read.label) else {
                throw .labelOutOfRange(item: read.item, reader: read.reader, label: read.label, categoryCount: categories.count)
            }
            cells.append((
                Self.position(of: read.item, in: &items, ids: &itemIDs), Self.position(of: read.reader, in: &readers, ids: &readerIDs),
                read.label))
        }
        var labels = [Int32](repeating: -1, count: itemIDs.count * readerIDs.count)
        for cell in cells {
            let index = cell.item * readerIDs.count + cell.reader
            guard labels[index] < 0 else {
                throw .duplicateRead(
                    item: itemIDs[cell.item], reader: readerIDs[cell.reader], firstLabel: Int(labels[index]), secondLabel: cell.label)
            }
            labels[index] = Int32(cell.label)
        }
        self.init(categories: categories, itemIDs: itemIDs, readerIDs: readerIDs, labels: labels)
    }

    /// The table `rows[item][reader]` (nil for no read); items are named "0", "1", … and readers likewise.
    public init(categories: [String], rows: [[Int?]]) throws(AgreementError) {
        guard !categories.isEmpty else { throw .noCategories }
        let readerCount = rows.first?.count ?? 0
        var labels: [Int32] = []
        labels.reserveCapacity(rows.count * readerCount)
        for (item, row) in rows.enumerated() {
            guard row.count == readerCount else { throw .readerCountMismatch(item: item, count: row.count, expected: readerCount) }
            for (reader, label) in row.enumerated() {
                if let label, !(0..<categories.count).contains(label) {
                    throw .labelOutOfRange(item: String(item), reader: String(reader), label: label, categoryCount: categories.count)
                }
                labels.append(Int32(label ?? -1))
            }
        }
        self.init(
            categories: categories, itemIDs: rows.indices.map(String.init), readerIDs: (0..<readerCount).map(String.init),
            labels: labels)
    }

    /// The position of `id` in `ids`, appended when new.
    private static func position(of id: String, in positions: inout [String: Int], ids: inout [String]) -> Int {
        if let position = positions[id] { return position }
        ids.append(id)
        positions[id] = ids.count - 1
        return ids.count - 1
    }

    private init(categories: [String], itemIDs: [String], readerIDs: [String], labels: [Int32]) {
        self.categories = categories
        self.itemIDs = itemIDs
        self.readerIDs = readerIDs
        self.labels = labels
    }

    /// The number of categories.
    public var categoryCount: Int { categories.count }
    /// The number of items.
    public var itemCount: Int { itemIDs.count }
    /// The number of readers.
    public var readerCount: Int { readerIDs.count }

    /// The label `reader` gave `item`, nil when they did not read it.
    public func label(item: Int, reader: Int) -> Int? {
        let label = labels[item * readerCount + reader]
        return label < 0 ? nil : Int(label)
    }

    /// The number of reads of `item`.
    public func readCount(item: Int) -> Int {
        labels[(item * readerCount)..<((item + 1) * readerCount)].reduce(0) { $0 + ($1 < 0 ? 0 : 1) }
    }
}
