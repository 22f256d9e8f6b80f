import Parallel

/// Decodes the tiles a region needs on several threads at once (`SlideOptions.regionThreads`), so one large
/// read of a JPEG 2000 slide uses every core. Returns what it decoded; the painter takes the rest from the cache.
enum TilePrefetch {
    static func decode(_ tiles: [Int], level: Int, slide: Slide) throws(SlideError) -> [Int: [UInt8]] {
        let threads = min(slide.decoding.options.regionThreads, tiles.count)
        guard threads > 1 else { return [:] }
        let pixels = try ParallelMap.map(count: tiles.count, threads: threads) { (position) throws(SlideError) in
            try slide.tile(level: level, index: tiles[position])
        }
        var decoded: [Int: [UInt8]] = [:]
        for (tile, pixels) in zip(tiles, pixels) { if let pixels { decoded[tile] = pixels } }
        return decoded
    }
}
