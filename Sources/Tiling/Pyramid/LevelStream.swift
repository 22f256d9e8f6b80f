/// A group's levels as rows stream in: each level's `LevelRows`, and the 2 x 2 averaging from each level to the next.
struct LevelStream {
    let levels: [Int]
    private var rows: [LevelRows]
    private var reductions: [BoxReduction]
    private var producedRows: [Int]

    init(levels: [Int], geometry: DeepZoomGeometry, options: PyramidOptions) {
        self.levels = levels
        let dimensions = geometry.levelDimensions
        rows = levels.map { LevelRows(width: dimensions[$0].width, height: dimensions[$0].height, tileSize: options.tileSize, overlap: options.overlap) }
        reductions = levels.dropLast().map { BoxReduction(parentWidth: dimensions[$0].width, parentHeight: dimensions[$0].height) }
        producedRows = levels.map { _ in 0 }
    }

    /// Takes the next rows of `levels[depth]` and returns the rows of tiles completed in it and the levels below.
    mutating func push(_ pixels: PixelRows, from depth: Int) -> [(level: Int, tileRow: Int, band: PixelBand)] {
        var (current, depth) = (pixels, depth)
        var bands: [(Int, Int, PixelBand)] = []
        while current.height > 0 {
            if depth > 0 {
                let (reduced, count) = reductions[depth - 1].reduce(current.bytes, count: current.height)
                if count == 0 { break }
                current = PixelRows(firstRow: producedRows[depth], width: reductions[depth - 1].childWidth, height: count, copying: reduced)
            }
            producedRows[depth] += current.height
            bands += rows[depth].append(current).map { (levels[depth], $0.tileRow, $0.band) }
            depth += 1
            guard depth < levels.count else { break }
        }
        return bands
    }
}
