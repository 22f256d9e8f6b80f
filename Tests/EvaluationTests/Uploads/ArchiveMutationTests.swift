import Compression
import Evaluation
import Foundation
import Imaging
import Testing
import TestSupport

/// Damaged archives read from a file are refused, or read, exactly as the same bytes in memory are: the file reader
/// and the in-memory reader share every check.
@Suite struct ArchiveMutationTests {
    /// SplitMix64: a small seeded generator, so a failure can be replayed.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let seeds: [(name: String, bytes: [UInt8])] = {
        let text = Array(String(repeating: "lesion ", count: 300).utf8)
        let members = [("a/c01.nii.gz", [UInt8](repeating: 5, count: 700)), ("c02.txt", text)]
        return [
            ("upload.zip", ArchiveTests.zip([("a/c01.nii.gz", [1, 2, 3], false), ("c02.txt", text, true)])),
            ("upload.tar", ArchiveTests.tar(members)),
            ("upload.tar.gz", Deflate.gzip(ArchiveTests.tar(members))),
        ]
    }()

    /// One to four bytes overwritten, or the archive cut short.
    static func mutate(_ bytes: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
        var bytes = bytes
        if Int.random(in: 0..<8, using: &generator) == 0 { return Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &generator))) }
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
        }
        return bytes
    }

    @Test(arguments: 0..<3)
    func mutatedArchiveGivesTheSameOutcomeFromAFileAsFromMemory(seed: Int) throws {
        let original = Self.seeds[seed]
        var generator = SeededGenerator(state: UInt64(seed))
        let scratch = try ScratchFolder()
        let path = scratch.file("spooled")
        for round in 0..<400 {
            let bytes = Self.mutate(original.bytes, using: &generator)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let memory = Result { () throws(ArchiveError) in try Archive.entries(bytes, name: original.name) }
            var sink = ArchiveFileUnpackTests.Collecting()
            let file = Result { try Archive.unpack(file: path, name: original.name, into: &sink) }
            switch (memory, file) {
            case (.success(let entries), .success):
                #expect(sink.entries.map(\.path) == entries.map(\.path), "round \(round)")
                #expect(sink.entries.map(\.bytes) == entries.map(\.bytes), "round \(round)")
            case (.failure(let expected), .failure(let error)):
                #expect(error as? ArchiveError == expected, "round \(round)")
            default:
                Issue.record("round \(round): in memory \(memory), from a file \(file)")
            }
        }
    }
}
