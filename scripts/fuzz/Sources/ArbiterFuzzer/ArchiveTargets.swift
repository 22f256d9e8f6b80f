import Compression
import Evaluation
import Imaging

/// `zip`: `Archive.entries` on zip bytes (central directory, zip64 end record, stored and deflated members), once
/// with the default budget and once with a small one so the budget checks are reached too.
let zipTarget = FuzzTarget(name: "zip", covers: "Archive.entries on zip uploads (default and small budgets)") { input in
    ArchiveFuzzing.unpack([UInt8](input), name: "upload.zip")
}

/// `tar`: `Archive.entries` on tar and gzipped tar bytes. A plain tar is also gzipped here and unpacked again, so the
/// mutated tar structure reaches the on-demand gzip source too; when both unpack, they must give the same entries.
let tarTarget = FuzzTarget(name: "tar", covers: "Archive.entries on tar and tar.gz uploads (GzipSource, TarHeader)") { input in
    let bytes = [UInt8](input)
    let plain = ArchiveFuzzing.unpack(bytes, name: "upload.tar")
    guard bytes.count >= 2, bytes[0] != 0x1F || bytes[1] != 0x8B else { return }
    let gzipped = ArchiveFuzzing.unpack(Deflate.gzip(bytes, level: 1), name: "upload.tar.gz")
    if let plain, let gzipped, plain != gzipped {
        crossCheckFailed("the tar gave \(plain.count) entries but the same tar gzipped gave \(gzipped.count)")
    }
}

enum ArchiveFuzzing {
    /// A budget small enough for a mutated header to cross each of its limits.
    static let smallBudget = ArchiveBudget(
        maximumTotalBytes: 1 << 20, maximumEntryBytes: 256 << 10, maximumEntries: 64, maximumPathBytes: 64, maximumPathDepth: 4)

    /// The entries under the default budget (nil if refused), after also trying the small budget.
    @discardableResult
    static func unpack(_ bytes: [UInt8], name: String) -> [ArchiveEntry]? {
        _ = Archive.isArchive(bytes, name: name)
        _ = try? Archive.entries(bytes, name: name, budget: smallBudget)
        return try? Archive.entries(bytes, name: name)
    }
}
