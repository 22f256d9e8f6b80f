extension MaskOutline {
    /// The regions of `mask` as outlines without holes, for formats that cannot hold a hole (an ASAP annotation is one
    /// outline): a patch with holes is cut along the column line at the left edge of its first hole, which opens that
    /// hole (and any other the line crosses) into the exterior, and each side is traced again, until no hole is left.
    /// The pieces partition the mask's cells, so `PolygonRasterizer.mask` of all of them gives the mask back exactly.
    public static func holeFreeRegions(_ mask: [Bool], width: Int, height: Int) -> [PolygonRegion] {
        var result: [PolygonRegion] = []
        for region in regions(mask, width: width, height: height) {
            guard region.rings.count > 1 else { result.append(region); continue }
            // Hole cells start at this column; cells left of a hole's first column exist, so it is at least 1.
            let cut = Int(region.rings[1].map(\.x).min()!)
            let cells = PolygonRasterizer.mask([region], width: width, height: height, level: 0)
            let left = cells.indices.map { cells[$0] && $0 % width < cut }
            let right = cells.indices.map { cells[$0] && $0 % width >= cut }
            result += holeFreeRegions(left, width: width, height: height) + holeFreeRegions(right, width: width, height: height)
        }
        return result
    }
}
