/// What an archive has claimed so far against its budget, and the member paths already seen: every member is
/// admitted here, before its data is allocated or expanded.
struct ArchiveTally {
    let budget: ArchiveBudget
    let archive: String
    private(set) var entries = 0
    private(set) var totalBytes = 0
    private var paths: Set<String> = []

    init(budget: ArchiveBudget, archive: String) {
        self.budget = budget
        self.archive = archive
    }

    /// Counts one more member (a file, a folder or a metadata header), refusing one past the budget.
    mutating func countEntry(at offset: Int) throws(ArchiveError) {
        entries += 1
        guard entries <= budget.maximumEntries else {
            throw ArchiveError(archive: archive, byteOffset: offset, "more than \(budget.maximumEntries) members (the budget for this upload)")
        }
    }

    /// Claims `size` expanded bytes for `member`, refusing a member or a running total past the budget.
    mutating func claim(_ size: Int, member: String, at offset: Int) throws(ArchiveError) {
        guard size >= 0, size <= budget.maximumEntryBytes else {
            throw ArchiveError(archive: archive, member: member, byteOffset: offset,
                               "declares \(size) bytes, over the \(budget.maximumEntryBytes)-byte limit for one member")
        }
        let (total, overflow) = totalBytes.addingReportingOverflow(size)
        totalBytes = overflow ? .max : total
        guard totalBytes <= budget.maximumTotalBytes, !overflow else {
            throw ArchiveError(archive: archive, member: member, byteOffset: offset,
                               "members expand to more than the \(budget.maximumTotalBytes)-byte limit for the whole archive")
        }
    }

    /// The member's path made canonical (`/`-separated, no `.` or empty parts), refusing anything that could
    /// land outside the folder it is unpacked into, a path over the budget, and a path already seen.
    mutating func admitPath(_ raw: String, at offset: Int, isFolder: Bool = false) throws(ArchiveError) -> String {
        let path = try ArchivePath.canonical(raw, archive: archive, at: offset, budget: budget, isFolder: isFolder)
        guard !isFolder else { return path }
        guard paths.insert(path).inserted else {
            throw ArchiveError(archive: archive, member: path, byteOffset: offset, "the archive holds two members with this path")
        }
        return path
    }
}
