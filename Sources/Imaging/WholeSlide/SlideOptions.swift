/// Tuning for an open slide.
public struct SlideOptions: Sendable {
    /// Bytes of decoded tiles kept for reuse, shared by every task reading the slide (OpenSlide keeps 32 MiB).
    public var cacheBytes: Int
    /// Threads OpenJPEG may use inside one JPEG 2000 tile.
    public var jpeg2000Threads: Int

    public init(cacheBytes: Int = 64 << 20, jpeg2000Threads: Int = 1) {
        self.cacheBytes = cacheBytes
        self.jpeg2000Threads = jpeg2000Threads
    }
}
