/// How large a container image archive, and the documents inside it, may be: each limit is checked before the bytes
/// it covers are read or allocated (the file's size before the first read, a document's size from its tar header).
public struct ContainerImageBudget: Sendable, Equatable {
    /// Largest archive file, compressed or not: the phase's image-bytes limit.
    public var maxArchiveBytes: Int64
    /// Most tar members (folders, links and pax headers count too).
    public var maxEntries: Int
    /// Largest JSON document read into memory: `manifest.json`, `index.json`, an OCI manifest or index, an image config.
    public var maxDocumentBytes: Int
    /// Most layers the image may have.
    public var maxLayers: Int

    /// A budget with the given limits; the defaults are 10,000 members, 1 MiB documents and 256 layers.
    public init(maxArchiveBytes: Int64, maxEntries: Int = 10_000, maxDocumentBytes: Int = 1 << 20, maxLayers: Int = 256) {
        self.maxArchiveBytes = maxArchiveBytes
        self.maxEntries = maxEntries
        self.maxDocumentBytes = maxDocumentBytes
        self.maxLayers = maxLayers
    }

    /// The default limits for members, documents and layers, with archives of at most `maxArchiveBytes`.
    public static func limited(to maxArchiveBytes: Int64) -> ContainerImageBudget {
        ContainerImageBudget(maxArchiveBytes: maxArchiveBytes)
    }

    /// Most bytes of small members kept in memory while scanning, before it is known which of them are documents.
    var maxBufferedBytes: Int {
        let (scaled, overflow) = max(maxDocumentBytes, 0).multipliedReportingOverflow(by: 4)
        return overflow ? Int.max - 65_536 : scaled + 65_536
    }

    /// The tar reader's budget: expanded bytes at most 20 times the archive limit (a gzip stream is inflated no
    /// further), any one member as large as that.
    var archiveBudget: ArchiveBudget {
        let (scaled, overflow) = max(maxArchiveBytes, 0).multipliedReportingOverflow(by: Int64(ArchiveBudget.expansionFactor))
        let total = overflow || scaled > Int64(Int.max) ? Int.max : Int(scaled)
        return ArchiveBudget(maximumTotalBytes: total, maximumEntryBytes: total, maximumEntries: maxEntries)
    }
}
