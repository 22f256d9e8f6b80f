import Compression

/// A zip member's data read from its archive a chunk at a time, expanded (stored or raw DEFLATE) to exactly its
/// declared size, CRC-checked as it goes, and handed to a sink chunk by chunk.
enum ZipMemberData {
    static func stream(_ member: ZipMember, from input: some ArchiveInput, archive: String, into sink: inout some ArchiveMemberSink) throws {
        var crc = CRC32()
        let deliver = { (chunk: UnsafeRawBufferPointer) throws in
            crc.update(chunk)
            try sink.write(chunk)
        }
        switch member.method {
        case 0:
            try copyStored(member, from: input, archive: archive, deliver: deliver)
        case 8 where member.size > 0:
            do {
                try RawInflater().expand(member, from: input, deliver: deliver)
            } catch let failure as DecompressionFailure {
                throw ArchiveError(archive: archive, member: member.path, byteOffset: member.dataStart, "\(failure)")
            }
        case 8:
            break  // nothing to expand, whatever the data says
        default:
            throw ArchiveError(archive: archive, member: member.path, byteOffset: member.localHeader,
                               "compression method \(member.method) is not supported (only stored and deflate)")
        }
        guard crc.value == member.crc else {
            throw ArchiveError(archive: archive, member: member.path, byteOffset: member.dataStart, "CRC-32 mismatch: the member is corrupt")
        }
    }

    private static func copyStored(_ member: ZipMember, from input: some ArchiveInput, archive: String,
                                   deliver: (UnsafeRawBufferPointer) throws -> Void) throws {
        var at = member.dataStart
        while at < member.dataEnd {
            let chunk = try input.read(at: at, count: min(member.dataEnd - at, Archive.chunkBytes))
            guard !chunk.isEmpty else {
                throw ArchiveError(archive: archive, member: member.path, byteOffset: at, "member data runs past the end of the archive")
            }
            try chunk.withUnsafeBytes { try deliver($0) }
            at += chunk.count
        }
    }
}
