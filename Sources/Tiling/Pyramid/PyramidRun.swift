import Imaging
import Parallel

/// One slide being tiled: produces each level group's head (read from the slide in strips, or tile by tile as
/// DeepZoomGenerator resamples), streams the levels derived from it by 2 x 2 averaging, and hands every tile to
/// bounded encoding tasks.
struct PyramidRun: Sendable {
    let slide: Slide
    let geometry: DeepZoomGeometry
    let folder: PyramidFolder
    let options: PyramidOptions
    let mask: TissueMask?
    let meter: TileProgress
    let memory = PixelMemory()
    let files = TileFileWriter()

    /// How the first level of a group is made.
    enum Head {
        /// A slide level, read in strips.
        case native
        /// Tile by tile from the best slide level, as DeepZoomGenerator does.
        case resampled
    }

    /// Level groups, largest first: a head, then the levels averaged from it.
    var levelGroups: [(head: Head, levels: [Int])] {
        var groups: [(head: Head, levels: [Int])] = []
        for level in stride(from: geometry.levelDimensions.count - 1, through: 0, by: -1) {
            if groups.isEmpty || geometry.isNative(level) {
                groups.append((.native, [level]))
            } else if options.resampling == .deepZoomGenerator && isWorthResampling(level) {
                groups.append((.resampled, [level]))
            } else {
                groups[groups.count - 1].levels.append(level)
            }
        }
        return groups
    }

    private func isWorthResampling(_ level: Int) -> Bool {
        let scale = geometry.slideLevelScale(level), size = geometry.levelDimensions[level]
        return scale <= 8 || Double(size.width) * Double(size.height) * scale * scale <= Double(1 << 26)
    }

    /// Writes every tile; returns how many were left out as background.
    func writeAllTiles() async throws -> Int {
        try await withThrowingTaskGroup(of: Void.self) { jobs in
            var queue = EncodingQueue(limit: max(8, options.concurrency * 24))
            var background = 0
            for group in levelGroups {
                var stream = LevelStream(levels: group.levels, geometry: geometry, options: options)
                switch group.head {
                case .native: background += try await writeNativeGroup(&stream, jobs: &jobs, queue: &queue)
                case .resampled: background += try await writeResampledGroup(&stream, jobs: &jobs, queue: &queue)
                }
            }
            try await jobs.waitForAll()
            try files.finish()
            return background
        }
    }

    private func writeNativeGroup(_ stream: inout LevelStream, jobs: inout ThrowingTaskGroup<Void, any Error>,
                                  queue: inout EncodingQueue) async throws -> Int {
        let head = stream.levels[0], height = geometry.levelDimensions[head].height
        let reader = StripReader(slide: slide, geometry: geometry, level: head, chunks: max(2, options.concurrency * 2), memory: memory)
        var background = 0
        var top = 0
        while top < height {
            let rows = min(reader.stripHeight, height - top)
            let pixels = try await reader.read(top: top, rows: rows)
            top += rows
            for (level, tileRow, band) in stream.push(pixels, from: 0) {
                background += try await submitRow(level: level, tileRow: tileRow, jobs: &jobs, queue: &queue) { _, _ in band }
            }
        }
        return background
    }

    private func writeResampledGroup(_ stream: inout LevelStream, jobs: inout ThrowingTaskGroup<Void, any Error>,
                                     queue: inout EncodingQueue) async throws -> Int {
        let head = stream.levels[0]
        var background = 0
        for tileRow in 0..<geometry.levelTiles[head].rows {
            let tiles = try await resampleRow(level: head, tileRow: tileRow)
            background += try await submitRow(level: head, tileRow: tileRow, jobs: &jobs, queue: &queue) { column, _ in PixelBand(tiles[column]) }
            guard stream.levels.count > 1 else { continue }
            for (level, row, band) in stream.push(interiorRows(of: tiles, level: head, tileRow: tileRow), from: 1) {
                background += try await submitRow(level: level, tileRow: row, jobs: &jobs, queue: &queue) { _, _ in band }
            }
        }
        return background
    }

    /// The tiles of one row of a resampled level, each as a band of its own rows (made on every core).
    private func resampleRow(level: Int, tileRow: Int) async throws -> [PixelRows] {
        return try await ParallelMap.mapInTasks(count: geometry.levelTiles[level].columns, threads: options.concurrency * 2) { column in
            let tile = try ResampledTile.pixels(slide, geometry: geometry, level: level, column: column, row: tileRow)
            let rect = geometry.tileRect(level: level, column: column, row: tileRow)
            return PixelRows(firstRow: rect.y, width: tile.width, height: tile.height, copying: tile.pixels)
        }
    }

    /// The rows a row of tiles covers without overlap, full width, for the levels averaged from it.
    private func interiorRows(of tiles: [PixelRows], level: Int, tileRow: Int) -> PixelRows {
        let size = geometry.levelDimensions[level], tileSize = options.tileSize
        let top = tileRow * tileSize, rows = min(tileSize, size.height - top)
        let interior = PixelRows(firstRow: top, width: size.width, height: rows)
        let pixels = interior.base.assumingMemoryBound(to: UInt8.self)
        for (column, tile) in tiles.enumerated() {
            let left = column * tileSize, width = min(tileSize, size.width - left)
            let offsetX = left - geometry.tileRect(level: level, column: column, row: tileRow).x
            // A tile `thumbnail` left a pixel short repeats its last column or row.
            for row in 0..<rows {
                let sourceRow = min(top + row - tile.firstRow, tile.height - 1)
                for x in 0..<width {
                    let from = tile.row(tile.firstRow + sourceRow).assumingMemoryBound(to: UInt8.self) + min(offsetX + x, tile.width - 1) * 4
                    let to = (row * size.width + left + x) * 4
                    for channel in 0..<4 { pixels[to + channel] = from[channel] }
                }
            }
        }
        return interior
    }

    /// Queues the tiles of one row, each cut from the band `band(column, rect)` gives; returns how many were left
    /// out as background.
    private func submitRow(level: Int, tileRow: Int, jobs: inout ThrowingTaskGroup<Void, any Error>, queue: inout EncodingQueue,
                           band: (Int, (x: Int, y: Int, width: Int, height: Int)) -> PixelBand) async throws -> Int {
        var background = 0
        let downsample = geometry.downsample(level: level), origin = geometry.origin
        for column in 0..<geometry.levelTiles[level].columns {
            let rect = geometry.tileRect(level: level, column: column, row: tileRow)
            if let mask, !mask.containsTissue(x: Double(origin.x) + Double(rect.x) * downsample, y: Double(origin.y) + Double(rect.y) * downsample,
                                              width: Double(rect.width) * downsample, height: Double(rect.height) * downsample) {
                background += 1
                meter.advance()
                continue
            }
            try await queue.makeRoom(in: &jobs)
            let source = band(column, rect)
            // A band is a whole row of tiles, or one resampled tile (whose size may be a pixel short).
            let wholeRow = source.width == geometry.levelDimensions[level].width && source.height >= rect.height
            let (x, width, height) = wholeRow ? (rect.x, rect.width, rect.height) : (0, source.width, source.height)
            let path = folder.stagedTilePath(level: level, column: column, row: tileRow, format: options.format)
            let (format, meter, files) = (options.format, meter, files)
            jobs.addTask {
                try files.write(TileEncoding.encode(source, x: x, y: rect.y, width: width, height: height, format: format), to: path)
                meter.advance()
            }
        }
        return background
    }
}

/// Bounds the encoding tasks in flight, so bands are released as their tiles are written.
struct EncodingQueue {
    let limit: Int
    private var inFlight = 0

    init(limit: Int) {
        self.limit = limit
    }

    mutating func makeRoom(in jobs: inout ThrowingTaskGroup<Void, any Error>) async throws {
        if inFlight >= limit {
            try await jobs.next()
            inFlight -= 1
        }
        inFlight += 1
    }
}
