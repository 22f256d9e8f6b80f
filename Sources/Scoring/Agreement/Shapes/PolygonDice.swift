import Geometry

/// Dice between readers' polygons: each reader's polygons on an item rasterised on the item's grid and united,
/// then 2|A ∩ B| / (|A| + |B|) for every pair of readers, 1 when both masks are empty (see `OverlapCounts.value`).
///
/// Rasterising is `PolygonRasterizer`'s: a cell is set when its centre lies inside a polygon by the even-odd rule
/// over the polygon's rings. On a centre that lies exactly on an edge the rule is the half-open scanline one:
/// along a row a centre on a crossing where the row enters the polygon is outside and one where it leaves is
/// inside, and a horizontal line through a vertex counts the edge at its upper end only (top edges in, bottom
/// edges out). Shapes outside the grid are clipped to it.
public enum PolygonDice {
    /// Dice of every pair of readers of every item of `reads`, on `grids[itemID]`; with `className`, only the
    /// polygons of that class count (a reader with none of it has an empty mask). Throws when an item read at
    /// least twice has no grid.
    public static func agreement(
        _ reads: ShapeReads, grids: [String: ItemGrid], className: String? = nil
    ) throws(AgreementError) -> ShapeAgreement {
        for item in 0..<reads.itemCount where reads.readers(of: item).count >= 2 && grids[reads.itemIDs[item]] == nil {
            throw .noItemGrid(item: reads.itemIDs[item])
        }
        return ShapeAgreement.pairwise(reads, statistic: .polygonDice(className: className)) { item, pairs in
            // One mask per reader of the item, made when the item is reached, so only one item's masks are held.
            let grid = grids[reads.itemIDs[item]]!
            var masks: [Int: [Bool]] = [:]
            for reader in reads.readers(of: item) {
                masks[reader] = grid.mask(regions(reads.read(item: item, reader: reader)!.polygons, className: className))
            }
            return pairs.map { counts(masks[$0.readerA]!, masks[$0.readerB]!, readerA: $0.readerA, readerB: $0.readerB) }
        }
    }

    /// Dice of two readers' polygons on one grid (0 and 1 name the readers in the result).
    public static func counts(
        _ a: [ClassedPolygon], _ b: [ClassedPolygon], grid: ItemGrid, className: String? = nil
    ) -> OverlapCounts {
        counts(grid.mask(regions(a, className: className)), grid.mask(regions(b, className: className)), readerA: 0, readerB: 1)
    }

    static func regions(_ polygons: [ClassedPolygon], className: String?) -> [PolygonRegion] {
        polygons.filter { className == nil || $0.className == className }.map(\.region)
    }

    static func counts(_ a: [Bool], _ b: [Bool], readerA: Int, readerB: Int) -> OverlapCounts {
        var countA = 0
        var countB = 0
        var shared = 0
        for (x, y) in zip(a, b) {
            if x { countA += 1 }
            if y { countB += 1 }
            if x && y { shared += 1 }
        }
        return OverlapCounts(readerA: readerA, readerB: readerB, shared: shared, countA: countA, countB: countB)
    }
}
