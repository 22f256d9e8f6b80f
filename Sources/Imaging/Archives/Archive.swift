/// Unpacks zip, tar and gzipped tar uploads into memory, refusing anything that would expand past an
/// `ArchiveBudget`, members whose paths could leave the unpacking folder, links, duplicate paths and zip members
/// that share data.
///
/// The readers are written here rather than wrapping libarchive or ZIPFoundation on purpose: no new C or package
/// dependency (libdeflate and zlib are already linked), every size is checked against the budget from the zip
/// central directory or the tar header before a byte is allocated, zip members expand to exactly their declared
/// size (libdeflate stops at the end of the buffer), and gzip is inflated as the tar reader asks for bytes, so a
/// `.tar.gz` never holds more than the members it keeps. Each error names the archive as the caller named it
/// (the uploaded file's name, never a temporary path), the member and the byte offset.
public enum Archive {
    /// True when the bytes start like a zip, tar or gzip stream.
    public static func isArchive(_ bytes: [UInt8], name: String) -> Bool {
        let lower = name.lowercased()
        return [".zip", ".tar", ".tar.gz", ".tgz"].contains(where: lower.hasSuffix)
            || ZipArchive.looksLikeZip(bytes) || TarArchive.looksLikeTar(bytes)
    }

    /// The regular files of an archive (folders and metadata files such as `__MACOSX/` skipped), with canonical
    /// `/`-separated paths. `name` is what errors call the archive: pass the name the participant uploaded.
    public static func entries(_ bytes: [UInt8], name: String, budget: ArchiveBudget = .default) throws(ArchiveError) -> [ArchiveEntry] {
        var tally = ArchiveTally(budget: budget, archive: name)
        let all: [ArchiveEntry]
        if ZipArchive.looksLikeZip(bytes) {
            all = try ZipArchive.entries(bytes, tally: &tally)
        } else if FileBytes.isGzip(bytes) {
            var source = try GzipSource(bytes, archive: name)
            all = try TarArchive.entries(&source, tally: &tally)
        } else if TarArchive.looksLikeTar(bytes) {
            var source = ArrayTarSource(bytes)
            all = try TarArchive.entries(&source, tally: &tally)
        } else {
            throw ArchiveError(archive: name, byteOffset: 0, "neither a zip nor a tar archive")
        }
        return all.filter { !$0.path.hasPrefix("__MACOSX/") && !$0.name.hasPrefix("._") && $0.name != ".DS_Store" }
    }
}
