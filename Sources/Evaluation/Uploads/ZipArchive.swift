import Compression

/// Reads zip archives from their central directory: stored and DEFLATE members, CRC-checked, each expanded to
/// exactly the size the directory declares (no more, whatever the data says). The whole directory is checked
/// against the budget, for duplicate paths and for members sharing data before any member is expanded.
enum ZipArchive {
    static func looksLikeZip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && (bytes[2] == 3 || bytes[2] == 5)
    }

    /// Checks the whole central directory, then hands each regular member to `sink` as it is expanded.
    static func unpack(_ input: some ArchiveInput, tally: inout ArchiveTally, into sink: inout some ArchiveMemberSink) throws {
        let members = try self.members(input, tally: &tally)
        try refuseOverlaps(members, archive: tally.archive)
        if let renamed = members.first(where: { !$0.localNameMatches }) {
            throw ArchiveError(archive: tally.archive, member: renamed.path, byteOffset: renamed.localHeader,
                               "the local header names a different member than the central directory")
        }
        for member in members where !member.isFolder {
            try sink.begin(member.path)
            try ZipMemberData.stream(member, from: input, archive: tally.archive, into: &sink)
            try sink.end()
        }
    }

    /// Every central-directory entry, admitted against the budget, with canonical paths and located data.
    private static func members(_ input: some ArchiveInput, tally: inout ArchiveTally) throws(ArchiveError) -> [ZipMember] {
        let archive = tally.archive
        let directory = try ZipDirectory(input, archive: archive)
        let directoryEnd = directory.offset + directory.size
        var members: [ZipMember] = []
        var offset = directory.offset
        for _ in 0..<directory.count {
            try tally.countEntry(at: offset)
            var member = try ZipMember(input, at: offset, directoryEnd: directoryEnd, archive: archive)
            member.path = try tally.admitPath(member.path, at: offset, isFolder: member.isFolder)
            try tally.claim(member.size, member: member.path, at: offset)
            try refuseImpossibleSize(member, archive: archive)
            try member.locateData(input, directoryStart: directory.offset, archive: archive)
            members.append(member)
            offset += member.entryLength
        }
        guard offset == directoryEnd else {
            throw ArchiveError(archive: archive, byteOffset: offset,
                               "the end record declares \(directory.count) members but the central directory holds more "
                                   + "(\(directoryEnd - offset) bytes left over); refusing rather than dropping members")
        }
        return members
    }

    /// Only stored and DEFLATE members; a stored member is as long as its data, and DEFLATE cannot expand by more than about 1032:1.
    private static func refuseImpossibleSize(_ member: ZipMember, archive: String) throws(ArchiveError) {
        let (most, overflow) = member.compressedSize.multipliedReportingOverflow(by: Deflate.maximumExpansionRatio)
        let possible = switch member.method {
        case 0: member.size == member.compressedSize
        case 8: overflow || member.size - 1024 <= most
        default:
            throw ArchiveError(archive: archive, member: member.path, byteOffset: member.directoryEntry,
                               "compression method \(member.method) is not supported (only stored and deflate)")
        }
        guard possible else {
            throw ArchiveError(archive: archive, member: member.path, byteOffset: member.directoryEntry,
                               "declares \(member.size) bytes from \(member.compressedSize) compressed bytes, which cannot expand that far")
        }
    }

    /// Two members whose local header and data overlap (the trick behind non-recursive zip bombs) are refused.
    private static func refuseOverlaps(_ members: [ZipMember], archive: String) throws(ArchiveError) {
        let ordered = members.sorted { ($0.localHeader, $0.directoryEntry) < ($1.localHeader, $1.directoryEntry) }
        for (earlier, later) in zip(ordered, ordered.dropFirst()) where later.localHeader < earlier.dataEnd {
            throw ArchiveError(archive: archive, member: later.path, byteOffset: later.localHeader,
                               "overlaps member \(earlier.path) (bytes \(earlier.localHeader) to \(earlier.dataEnd)): members may not share data")
        }
    }
}
