import Imaging
/// Unpacks zip, tar and gzipped tar uploads, refusing anything that would expand past an `ArchiveBudget`, members
/// whose paths could leave the unpacking folder, links, duplicate paths and zip members that share data.
///
/// The readers are written here rather than wrapping libarchive or ZIPFoundation on purpose: no new C or package
/// dependency (zlib is already linked), every size is checked against the budget from the zip central directory or
/// the tar header before a byte is expanded, zip members expand to exactly their declared size, and everything
/// streams: the archive is read a range at a time (`ArchiveInput`) and members are handed to an
/// `ArchiveMemberSink` a chunk at a time, so unpacking a file of any size takes a few megabytes. Each error names
/// the archive as the caller named it (the uploaded file's name, never a temporary path), the member and the
/// byte offset.
public enum Archive {
    /// Size of the chunks read from an archive and handed to a sink.
    static let chunkBytes = 1 << 20

    /// True when the bytes start like a zip, tar or gzip stream.
    public static func isArchive(_ bytes: [UInt8], name: String) -> Bool {
        let lower = name.lowercased()
        return [".zip", ".tar", ".tar.gz", ".tgz"].contains(where: lower.hasSuffix)
            || ZipArchive.looksLikeZip(bytes) || TarArchive.looksLikeTar(bytes)
    }

    /// The regular files of an archive (folders and metadata files such as `__MACOSX/` skipped), with canonical
    /// `/`-separated paths. `name` is what errors call the archive: pass the name the participant uploaded.
    public static func entries(_ bytes: [UInt8], name: String, budget: ArchiveBudget = .default) throws(ArchiveError) -> [ArchiveEntry] {
        var collector = ArchiveEntryCollector()
        do {
            try unpack(MemoryArchiveInput(bytes: bytes), name: name, budget: budget, into: &collector)
        } catch let error as ArchiveError {
            throw error
        } catch {
            throw ArchiveError(archive: name, "\(error)")  // the collector itself never throws
        }
        return collector.entries
    }

    /// Unpacks the archive in the file at `path` into `sink`, member by member (folders and metadata files such as
    /// `__MACOSX/` skipped), reading the file a range at a time. Throws an `ArchiveError` naming the archive `name`
    /// (never `path`), or whatever the sink throws; on a throw, what the sink received is to be discarded.
    public static func unpack(file path: String, name: String, budget: ArchiveBudget = .default, into sink: inout some ArchiveMemberSink) throws {
        try unpack(FileArchiveInput(path: path, archive: name), name: name, budget: budget, into: &sink)
    }

    static func unpack(_ input: some ArchiveInput, name: String, budget: ArchiveBudget, into sink: inout some ArchiveMemberSink) throws {
        var tally = ArchiveTally(budget: budget, archive: name)
        var filtered = MetadataSkippingSink(sink)
        defer { sink = filtered.inner }
        let head = try input.read(at: 0, count: 512)
        if ZipArchive.looksLikeZip(head) {
            try ZipArchive.unpack(input, tally: &tally, into: &filtered)
        } else if FileBytes.isGzip(head) {
            var source = try GzipSource(input, archive: name)
            try TarArchive.unpack(&source, tally: &tally, into: &filtered)
        } else if TarArchive.looksLikeTar(head) {
            var source = InputTarSource(input)
            try TarArchive.unpack(&source, tally: &tally, into: &filtered)
        } else {
            throw ArchiveError(archive: name, byteOffset: 0, "neither a zip nor a tar archive")
        }
    }
}
