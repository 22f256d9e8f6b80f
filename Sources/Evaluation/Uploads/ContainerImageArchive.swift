import Imaging

/// Inspects a participant's container image archive (`docker save`, `podman save`, `podman save --format
/// oci-archive`; plain or gzip-compressed tar, told apart by magic bytes) without unpacking or running it.
///
/// The tar is read by the upload tar and gzip readers in one streaming pass: every member's name, size and header
/// offset is remembered, layers are passed over unread (a plain tar's are not even read from disk; a gzipped tar
/// is inflated through, never held), and only small members that may be documents are kept, at most
/// `maxDocumentBytes` each and about four times that in all. The documents are then read in whatever order the
/// archive stored them. Only when a document the image needs was passed over because that buffer was full is the
/// archive scanned again for it (at most four passes in all). Digests of the small documents (config, OCI manifest)
/// are checked; layer digests are trusted as stated, layer sizes checked against the descriptors.
public enum ContainerImageArchive {
    /// Scans of the archive at most: the first, then one per document found to be needed but not kept.
    static let maximumPasses = 4

    /// Inspects the archive in the file at `path`. `displayName` is what errors call the file (the uploaded name,
    /// never the temporary path). The file's size is checked against the budget before anything is read.
    public static func inspect(path: String, displayName: String, budget: ContainerImageBudget) throws -> ContainerImageSummary {
        let input: FileArchiveInput
        do {
            input = try FileArchiveInput(path: path, archive: displayName)
        } catch {
            throw ContainerImageError(error)
        }
        return try inspect(input, file: displayName, budget: budget)
    }

    /// Inspects an archive held in memory (small inputs, the fuzzer).
    public static func inspect(bytes: [UInt8], displayName: String, budget: ContainerImageBudget) throws -> ContainerImageSummary {
        try inspect(MemoryArchiveInput(bytes: bytes), file: displayName, budget: budget)
    }

    static func inspect(_ input: some ArchiveInput, file: String, budget: ContainerImageBudget) throws -> ContainerImageSummary {
        guard Int64(input.count) <= budget.maxArchiveBytes else {
            throw ContainerImageError(file: file, "the archive is \(ContainerImageError.size(input.count)), over the "
                + "\(ContainerImageError.size(budget.maxArchiveBytes)) limit for an image")
        }
        let compressed = try isCompressed(input, file: file)
        var members = ContainerImageMembers(budget: budget, file: file)
        for _ in 1...maximumPasses {
            try scan(input, compressed: compressed, into: &members)
            do {
                return try summary(members)
            } catch let unread as ContainerImageMembers.Unread {
                members.wanted.insert(unread.path)
            }
        }
        throw members.error(nil, "the image's documents were still not all read after \(maximumPasses) passes over the archive")
    }

    /// Whether the archive is gzip-compressed (else a plain tar), from its first bytes and, in a gzip stream, the
    /// first expanded ones; refuses anything but a tar, plain or gzipped.
    private static func isCompressed(_ input: some ArchiveInput, file: String) throws -> Bool {
        do {
            let head = try input.read(at: 0, count: 512)
            if TarArchive.looksLikeTar(head) { return false }
            if FileBytes.isGzip(head) {
                var source = try GzipSource(input, archive: file)
                if TarArchive.looksLikeTar(try source.read(512)) { return true }
                throw refusal("a gzip stream, but not of a tar", file: file)
            }
            throw refusal(ZipArchive.looksLikeZip(head) ? "a zip archive, not a tar" : "neither a tar nor a gzip-compressed tar", file: file)
        } catch let error as ArchiveError {
            throw ContainerImageError(error)
        }
    }

    private static func refusal(_ what: String, file: String) -> ContainerImageError {
        ContainerImageError(file: file, byteOffset: 0, "not a container image archive: \(what) (save the image with docker save or podman save)")
    }

    /// One pass over the tar into `members`, with a fresh count of entries and bytes.
    private static func scan(_ input: some ArchiveInput, compressed: Bool, into members: inout ContainerImageMembers) throws {
        var tally = ArchiveTally(budget: members.budget.archiveBudget, archive: members.file)
        do {
            if compressed {
                var source = try GzipSource(input, archive: members.file)
                try TarArchive.unpack(&source, tally: &tally, into: &members)
            } else {
                var source = InputTarSource(input)
                try TarArchive.unpack(&source, tally: &tally, into: &members)
            }
        } catch let error as ArchiveError {
            throw ContainerImageError(error)
        }
    }

    /// The summary, by the format the top-level documents name.
    private static func summary(_ members: ContainerImageMembers) throws -> ContainerImageSummary {
        if members.members[DockerArchiveImage.manifest] != nil { return try DockerArchiveImage.summary(members) }
        if members.members[OCIArchiveImage.index] != nil { return try OCIArchiveImage.summary(members) }
        throw members.error(nil, "not a container image archive: neither manifest.json (docker save) nor index.json (OCI) is in it")
    }
}
