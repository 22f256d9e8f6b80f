import Parallel

/// Tuning for an open slide.
public struct SlideOptions: Sendable {
    /// Bytes of decoded tiles kept for reuse, shared by every task reading the slide (OpenSlide keeps 32 MiB).
    public var cacheBytes: Int
    /// Threads OpenJPEG may use inside one JPEG 2000 tile.
    public var jpeg2000Threads: Int
    /// Threads one `readRegion` call may use to decode the tiles it needs; 1 decodes them in the caller's thread.
    /// The default, every core, makes a single read as fast as the machine allows; callers that already read many
    /// regions at once (a tiler, a server) should pass 1.
    public var regionThreads: Int

    public init(cacheBytes: Int = 64 << 20, jpeg2000Threads: Int = 1,
                regionThreads: Int = ParallelMap.cores) {
        self.cacheBytes = cacheBytes
        self.jpeg2000Threads = max(1, jpeg2000Threads)
        self.regionThreads = max(1, regionThreads)
    }
}
