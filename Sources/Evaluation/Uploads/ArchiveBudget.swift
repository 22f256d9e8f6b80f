/// How much an uploaded archive may expand to, checked before anything is allocated: the sizes a zip's central
/// directory declares, each tar header's size, and a gzip stream as it is inflated (stopped at the budget).
public struct ArchiveBudget: Sendable, Equatable {
    /// Largest sum of the expanded sizes of all members (directories and skipped metadata included).
    public var maximumTotalBytes: Int
    /// Largest expanded size of any one member.
    public var maximumEntryBytes: Int
    /// Most members (folders and tar metadata headers count too).
    public var maximumEntries: Int
    /// Longest member path, in UTF-8 bytes.
    public var maximumPathBytes: Int
    /// Most folders a member path may go down (`a/b/c.nii.gz` is 2 deep).
    public var maximumPathDepth: Int

    public init(maximumTotalBytes: Int = 512 << 20, maximumEntryBytes: Int = 256 << 20, maximumEntries: Int = 10_000,
                maximumPathBytes: Int = 1_024, maximumPathDepth: Int = 32) {
        self.maximumTotalBytes = maximumTotalBytes
        self.maximumEntryBytes = min(maximumEntryBytes, maximumTotalBytes)
        self.maximumEntries = maximumEntries
        self.maximumPathBytes = maximumPathBytes
        self.maximumPathDepth = maximumPathDepth
    }

    /// 512 MiB in all, 256 MiB per member, 10,000 members: for callers that do not know the upload limit.
    public static let `default` = ArchiveBudget()

    /// How many times its upload limit an archive may expand to (`forUpload(limit:)`).
    public static let expansionFactor = 20
    /// The most any archive may expand to, whatever its upload limit.
    public static let totalCap = 1 << 30

    /// The budget for an upload of at most `limit` bytes: expanded ≤ 20 × `limit`, never over 1 GiB in all,
    /// never under 1 MiB; one member may take all of it up to 512 MiB.
    public static func forUpload(limit: Int) -> ArchiveBudget {
        let (scaled, overflow) = max(limit, 0).multipliedReportingOverflow(by: expansionFactor)
        let total = min(max(overflow ? totalCap : scaled, 1 << 20), totalCap)
        return ArchiveBudget(maximumTotalBytes: total, maximumEntryBytes: min(total, 512 << 20))
    }
}
