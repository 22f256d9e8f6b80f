import Compression
import Evaluation
import Foundation
import Imaging
import Testing
import TestSupport

/// Archives unpacked from a file, streamed to a sink, give exactly what `Archive.entries` gives for their bytes.
@Suite struct ArchiveFileUnpackTests {
    /// Gathers members as the sink protocol hands them over, checking the calls come in order.
    struct Collecting: ArchiveMemberSink {
        struct Member: Equatable {
            let path: String
            let bytes: [UInt8]
        }

        var entries: [Member] = []
        var largestChunk = 0
        private var open: (path: String, bytes: [UInt8])?

        mutating func begin(_ path: String) throws {
            #expect(open == nil, "begin(\(path)) before the last member ended")
            open = (path, [])
        }

        mutating func write(_ chunk: UnsafeRawBufferPointer) throws {
            largestChunk = max(largestChunk, chunk.count)
            open?.bytes.append(contentsOf: chunk)
        }

        mutating func end() throws {
            let member = try #require(open)
            entries.append(Member(path: member.path, bytes: member.bytes))
            open = nil
        }
    }

    /// Members spanning several 1 MiB chunks, an empty one, and one in a folder.
    static let members: [(name: String, bytes: [UInt8])] = [
        ("c01.nii.gz", (0..<(2_500_000)).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }),
        ("empty.txt", []),
        ("dir/c02.nii.gz", [UInt8](repeating: 7, count: 3 << 20)),
        ("__MACOSX/._c01.nii.gz", [0, 1]),
    ]

    private func unpackFile(_ bytes: [UInt8], name: String) throws -> Collecting {
        let scratch = try ScratchFolder()
        let path = try scratch.write(bytes, to: "spooled")
        var sink = Collecting()
        try Archive.unpack(file: path, name: name, into: &sink)
        return sink
    }

    private func expectSameAsInMemory(_ bytes: [UInt8], name: String) throws {
        let streamed = try unpackFile(bytes, name: name)
        let whole = try Archive.entries(bytes, name: name)
        #expect(streamed.entries.map(\.path) == ["c01.nii.gz", "empty.txt", "dir/c02.nii.gz"])
        #expect(streamed.entries == whole.map { Collecting.Member(path: $0.path, bytes: $0.bytes) })
        #expect(streamed.entries[0].bytes == Self.members[0].bytes)
        #expect(streamed.largestChunk <= 1 << 20)
    }

    @Test func tarFromAFileGivesTheSameMembers() throws {
        try expectSameAsInMemory(ArchiveTests.tar(Self.members), name: "upload.tar")
    }

    @Test func gzippedTarFromAFileGivesTheSameMembers() throws {
        try expectSameAsInMemory(Deflate.gzip(ArchiveTests.tar(Self.members)), name: "upload.tar.gz")
    }

    @Test func zipOfStoredAndDeflatedMembersFromAFileGivesTheSameMembers() throws {
        let zip = ArchiveTests.zip(Self.members.enumerated().map { ($0.element.name, $0.element.bytes, $0.offset % 2 == 0) })
        try expectSameAsInMemory(zip, name: "upload.zip")
    }

    @Test func errorsFromAFileNameTheUploadNotThePath() throws {
        let zip = ArchiveTests.zip([("c01.nii.gz", Self.members[0].bytes, true)], corruptCRC: true)
        do {
            _ = try unpackFile(zip, name: "upload.zip")
            Issue.record("unpacked a member with a wrong CRC")
        } catch let error as ArchiveError {
            #expect(error.archive == "upload.zip")
            #expect(error.message.contains("CRC-32 mismatch"))
            #expect(!error.description.contains(FileManager.default.temporaryDirectory.path))
        }
    }

    @Test func missingFileIsAnArchiveErrorNamedAsUploaded() {
        var sink = Collecting()
        #expect(throws: ArchiveError.self) { try Archive.unpack(file: "/nonexistent/spooled", name: "upload.tar", into: &sink) }
    }
}

extension ArchiveFileUnpackTests {
    /// A deflated member whose stream holds more or fewer bytes than the directory declares is refused, also when
    /// the difference lies past the first chunk.
    @Test(arguments: [-1, 1, -(1 << 20), 1 << 20])
    func deflatedMemberMustExpandToExactlyItsDeclaredSize(difference: Int) throws {
        let data = (0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }
        var builder = ZipBuilder()
        builder.add("c01.nii.gz", Array(Deflate.zlib(data).dropFirst(2).dropLast(4))) {
            $0.method = 8
            $0.size = UInt32(data.count + difference)
            $0.crc = Deflate.crc32(data)
        }
        do {
            _ = try unpackFile(builder.bytes, name: "upload.zip")
            Issue.record("unpacked a member of the wrong size")
        } catch let error as ArchiveError {
            #expect(error.message.contains(difference > 0 ? "ends after" : "expands past"), "\(error)")
            #expect(error.member == "c01.nii.gz")
        }
    }
}
