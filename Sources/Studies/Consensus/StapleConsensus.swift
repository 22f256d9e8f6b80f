import Geometry
import Scoring

/// The shapes a study's reads settle on under `truth: { consensus: staple }`: for each item read often enough and each
/// class drawn on it, STAPLE over the readers' masks of that class, thresholded at `threshold`, and traced back into
/// polygons in level-0 pixels.
///
/// A reader's mask of a class is the union of their polygons and boxes of that class rasterised on the item's grid
/// (`ItemGrid`, as shape agreement rasterises them); a reader who drew none of the class, or nothing at all, gives an
/// empty mask, which is a vote that the class is absent. Points take no part.
public struct StapleConsensus: Sendable, Equatable {
    /// The least STAPLE probability a cell needs to belong to the consensus.
    public static let threshold = 0.5

    /// One reader's estimated performance on one item and class.
    public struct Reader: Sendable, Equatable {
        public let reader: String
        /// STAPLE's estimate, NaN when undefined (as when no cell is foreground).
        public let sensitivity: Double
        public let specificity: Double
    }

    /// The consensus of one class on one item.
    public struct Mask: Sendable, Equatable {
        public let itemID: String
        public let className: String
        /// The grid the masks were rasterised on.
        public let grid: ItemGrid
        /// The consensus, row-major on `grid`: cells whose probability is at least `threshold`.
        public let cells: [Bool]
        /// `cells` traced into polygons in level-0 pixels (each an outline and its holes); `grid.mask` of them gives
        /// `cells` back.
        public let regions: [PolygonRegion]
        /// The readers of the item, in the study's reader order.
        public let readers: [Reader]
        /// STAPLE's prior probability of foreground.
        public let prior: Double
        /// STAPLE's `elapsedIterations`.
        public let iterations: Int

        /// The number of consensus cells.
        public var area: Int { cells.count(where: { $0 }) }
    }

    /// One mask per item and class drawn, items in the study's order, classes in the study's order (classes the
    /// study does not name, such as `unclassified`, after them in order of first use).
    public let masks: [Mask]
    /// Items with fewer plain reads than the truth rule's `min-reads`.
    public let pending: [String]
    /// Items read often enough but with no box to rasterise on (whole slides): left out.
    public let unboxed: [String]
    /// Items read often enough on which no reader drew a polygon or box: their consensus is that nothing is there.
    public let blank: [String]

    /// The consensus of `reads` (each reader's latest plain read of an item, a read without shapes as an empty one):
    /// items in `order`, grids from `grids`, classes ordered by `classes`.
    public static func estimate(
        _ reads: [ShapeRead], order: [String], grids: [String: ItemGrid], classes: [String], minimumReads: Int
    ) throws -> StapleConsensus {
        let byItem = Dictionary(grouping: reads, by: \.item)
        var masks: [Mask] = []
        var pending: [String] = []
        var unboxed: [String] = []
        var blank: [String] = []
        for item in order {
            let itemReads = byItem[item, default: []]
            guard itemReads.count >= minimumReads, !itemReads.isEmpty else { pending.append(item); continue }
            guard let grid = grids[item] else { unboxed.append(item); continue }
            let drawn = Self.classes(drawnIn: itemReads, order: classes)
            if drawn.isEmpty { blank.append(item) }
            for className in drawn {
                masks.append(try mask(item: item, className: className, reads: itemReads, grid: grid))
            }
        }
        return StapleConsensus(masks: masks, pending: pending, unboxed: unboxed, blank: blank)
    }

    /// STAPLE over the readers' masks of `className` on `grid`.
    static func mask(item: String, className: String, reads: [ShapeRead], grid: ItemGrid) throws -> Mask {
        let readerMasks = reads.map { read in
            grid.mask(read.polygons.filter { $0.className == className }.map(\.region))
        }
        let estimate = try STAPLE.estimate(masks: readerMasks, width: grid.columns, height: grid.rows)
        let cells = estimate.probabilities.map { $0 >= threshold }
        let readers = reads.indices.map { index in
            Reader(reader: reads[index].reader, sensitivity: estimate.sensitivity[index], specificity: estimate.specificity[index])
        }
        return Mask(itemID: item, className: className, grid: grid, cells: cells, regions: grid.regions(of: cells),
                    readers: readers, prior: estimate.prior, iterations: estimate.elapsedIterations)
    }

    /// The classes of the polygons in `reads`, those in `order` first in its order, then the rest as first drawn.
    static func classes(drawnIn reads: [ShapeRead], order: [String]) -> [String] {
        var seen: Set<String> = []
        let drawn = reads.flatMap { $0.polygons.map(\.className) }.filter { seen.insert($0).inserted }
        return order.filter(seen.contains) + drawn.filter { !order.contains($0) }
    }
}
