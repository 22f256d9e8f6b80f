import Dispatch
import Synchronization

/// Decodes the tiles a region needs on several threads at once (`SlideOptions.regionThreads`), so one large
/// read of a JPEG 2000 slide uses every core. Returns what it decoded; the painter takes the rest from the cache.
enum TilePrefetch {
    static func decode(_ tiles: [Int], level: Int, slide: Slide) throws(SlideError) -> [Int: [UInt8]] {
        let threads = min(slide.decoding.options.regionThreads, tiles.count)
        guard threads > 1 else { return [:] }
        let results = Mutex<(tiles: [Int: [UInt8]], error: SlideError?)>(([:], nil))
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            for position in stride(from: worker, to: tiles.count, by: threads) {
                do {
                    if let pixels = try slide.tile(level: level, index: tiles[position]) {
                        results.withLock { $0.tiles[tiles[position]] = pixels }
                    }
                } catch {
                    results.withLock { if $0.error == nil { $0.error = error as? SlideError } }
                }
            }
        }
        let (decoded, error) = results.withLock { ($0.tiles, $0.error) }
        if let error { throw error }
        return decoded
    }
}
