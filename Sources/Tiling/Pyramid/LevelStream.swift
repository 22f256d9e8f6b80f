/// A group's levels as rows stream in: each level's `LevelRows`, and the 2 x 2 averaging from each level to the next.
struct LevelStream {
    let levels: [Int]
    private var rows: [LevelRows]
    private var reductions: [BoxReduction]

    init(levels: [Int], geometry: DeepZoomGeometry, options: PyramidOptions) {
        self.levels = levels
        let dimensions = geometry.levelDimensions
        rows = levels.map { LevelRows(width: dimensions[$0].width, height: dimensions[$0].height, tileSize: options.tileSize, overlap: options.overlap) }
        reductions = levels.dropLast().map { BoxReduction(parentWidth: dimensions[$0].width, parentHeight: dimensions[$0].height) }
    }

    /// Takes the next `count` rows of `levels[depth]` and returns the rows of tiles completed in it and below.
    mutating func push(_ pixels: [UInt8], rows count: Int, from depth: Int) -> [(level: Int, tileRow: Int, band: PixelBand)] {
        var (pixels, count, depth) = (pixels, count, depth)
        var bands: [(Int, Int, PixelBand)] = []
        while count > 0 {
            if depth > 0 {
                (pixels, count) = pixels.withUnsafeBytes { reductions[depth - 1].reduce($0, count: count) }
                if count == 0 { break }
            }
            bands += pixels.withUnsafeBytes { rows[depth].append($0, count: count) }.map { (levels[depth], $0.tileRow, $0.band) }
            depth += 1
            guard depth < levels.count else { break }
        }
        return bands
    }
}
