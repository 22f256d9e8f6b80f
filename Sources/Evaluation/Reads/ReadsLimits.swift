/// How much of a reads file `ReadsParser` accepts, checked before anything is allocated for it.
public struct ReadsLimits: Sendable, Equatable {
    /// The largest file, in bytes.
    public var maxBytes: Int
    /// The most lines (reads, plus the header and any blank lines).
    public var maxLines: Int
    /// The most categories: distinct labels, or the span of integer labels from the smallest to the largest.
    public var maxCategories: Int

    /// Limits for a file a person exported: 64 MiB, two million lines, a thousand categories by default.
    public init(maxBytes: Int = 64 << 20, maxLines: Int = 2_000_000, maxCategories: Int = 1000) {
        self.maxBytes = maxBytes
        self.maxLines = maxLines
        self.maxCategories = maxCategories
    }
}
