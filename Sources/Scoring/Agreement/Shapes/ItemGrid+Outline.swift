import Geometry

extension ItemGrid {
    /// The outlines of a mask on this grid (as `mask` makes them, row-major, `cellCount` cells) as regions in level-0
    /// pixels: `MaskOutline.regions` with each cell corner (c, r) moved to (originX + 2^level c, originY + 2^level r).
    /// `mask` of the result gives `cells` back exactly: vertices are integers, which the move keeps exact.
    /// `holes: false` gives outlines without holes (`MaskOutline.holeFreeRegions`), for ASAP.
    public func regions(of cells: [Bool], holes: Bool = true) -> [PolygonRegion] {
        precondition(cells.count == cellCount, "a mask of \(cells.count) cells on a grid of \(columns) × \(rows)")
        let scale = Double(downsample)
        let dx = Double(originX)
        let dy = Double(originY)
        let traced = holes ? MaskOutline.regions(cells, width: columns, height: rows)
            : MaskOutline.holeFreeRegions(cells, width: columns, height: rows)
        return traced.map { region in
            PolygonRegion(rings: region.rings.map { ring in ring.map { PlanePoint(x: dx + scale * $0.x, y: dy + scale * $0.y) } })
        }
    }
}
