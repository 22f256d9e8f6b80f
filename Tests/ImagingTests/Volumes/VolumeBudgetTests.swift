import Compression
import Foundation
import Imaging
import Testing
import TestSupport

/// Header fields that would overflow, point outside the folder or ask for dense work on sparse-looking input
/// are refused with the field, the value and the file, before anything is allocated.
@Suite struct VolumeBudgetTests {
    let folder: ScratchFolder

    init() throws { folder = try ScratchFolder() }

    private func refusal(_ path: String, limits: VolumeLimits = .default, sparse: Bool = false) -> VolumeError? {
        do {
            if sparse { _ = try VolumeReader.readNonZero(path: path, limits: limits) } else { _ = try VolumeReader.read(path: path, limits: limits) }
            return nil
        } catch {
            return error
        }
    }

    static func le<Value: FixedWidthInteger>(_ value: Value) -> [UInt8] { withUnsafeBytes(of: value.littleEndian) { Array($0) } }

    /// A NIfTI-2 uint8 header (with its 4 extension bytes) of `extents`, data at `voxOffset`.
    static func niftiTwo(extents: [Int64], voxOffset: Int64) -> [UInt8] {
        var header = [UInt8](repeating: 0, count: 544)
        header.replaceSubrange(0..<4, with: le(Int32(540)))
        header.replaceSubrange(4..<12, with: Array("n+2\0\r\n\u{1A}\n".utf8))
        header.replaceSubrange(12..<16, with: le(Int16(2)) + le(Int16(8)))
        let dims = [Int64(extents.count)] + extents + Array(repeating: 1, count: 7 - extents.count)
        for (index, extent) in dims.enumerated() { header.replaceSubrange((16 + 8 * index)..<(24 + 8 * index), with: le(extent)) }
        header.replaceSubrange(168..<176, with: le(voxOffset))
        return header
    }

    static let voxOffsetBomb = niftiTwo(extents: [2, 2, 2], voxOffset: .max) + [UInt8](repeating: 1, count: 8)

    @Test(arguments: ["offset.nii", "offset.nii.gz"])
    func niftiTwoVoxOffsetNearTwoToTheSixtyThreeIsLocated(name: String) throws {
        let bytes = name.hasSuffix(".gz") ? Deflate.gzip(Self.voxOffsetBomb) : Self.voxOffsetBomb
        let path = try folder.write(bytes, to: name)
        for sparse in [false, true] {
            let error = try #require(refusal(path, sparse: sparse))
            #expect(error.field == "vox_offset")
            #expect(error.message.contains("\(Int64.max)"))
            #expect(error.file == path)
        }
        // With no header limit, the sum itself is checked rather than trapping.
        let unlimited = VolumeLimits(maximumHeaderBytes: .max)
        let error = try #require(refusal(path, limits: unlimited))
        #expect(error.field == "vox_offset")
        #expect(error.message.contains("passes 2^63"))
    }

    static func metaImage(_ lines: [String]) -> [UInt8] {
        Array((["ObjectType = Image", "NDims = 3", "ElementType = MET_UCHAR"] + lines).joined(separator: "\n").utf8) + [0x0A]
    }

    @Test(arguments: [
        ["DimSize = 2 2 2", "HeaderSize = 9223372036854775800", "ElementDataFile = LOCAL"],
        ["DimSize = 2 2 2", "CompressedData = True", "HeaderSize = 9223372036854775800", "ElementDataFile = LOCAL"],
        ["DimSize = 2 2 2", "CompressedData = True", "CompressedDataSize = 9223372036854775807", "ElementDataFile = LOCAL"],
        ["DimSize = 4294967296 4294967296 4", "ElementDataFile = LOCAL"],
    ])
    func metaImageSizesNearTwoToTheSixtyThreeAreLocated(lines: [String]) throws {
        let path = try folder.write(Self.metaImage(lines) + [UInt8](repeating: 1, count: 64), to: "big.mha")
        let error = try #require(refusal(path))
        let field = lines.first { $0.contains("922") || $0.contains("4294967296") }!.split(separator: " ")[0]
        #expect(error.field?.hasPrefix(String(field)) == true, "\(error)")
        #expect(error.file == path)
    }

    @Test(arguments: ["/etc/passwd", "../outside.raw", "sub/../../outside.raw", "~/outside.raw", "escape.raw"])
    func metaImageDataFileMustStayBesideTheHeader(dataFile: String) throws {
        let outside = try ScratchFolder()
        let secret = try outside.write([UInt8](repeating: 7, count: 8), to: "outside.raw")
        _ = try folder.write([UInt8](repeating: 7, count: 8), to: "outside.raw")  // a decoy one level down is never reached
        try FileManager.default.createDirectory(atPath: folder.file("case"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.file("case/escape.raw"), withDestinationPath: secret)
        let header = Self.metaImage(["DimSize = 2 2 2", "ElementDataFile = \(dataFile)"])
        let path = try folder.write(header, to: "case/c01.mhd")
        let error = try #require(refusal(path))
        #expect(error.field?.hasPrefix("ElementDataFile") == true)
        #expect(error.file == path)
        #expect(!error.description.contains(outside.path))
        #expect(!error.description.contains("cannot open"))
    }

    @Test func metaImageErrorsDoNotTellWhetherAFileExistsOutside() throws {
        let outside = try ScratchFolder()
        let existing = try outside.write([1], to: "real.raw")
        try FileManager.default.createSymbolicLink(atPath: folder.file("a.raw"), withDestinationPath: existing)
        try FileManager.default.createSymbolicLink(atPath: folder.file("b.raw"), withDestinationPath: outside.file("missing.raw"))
        let first = refusal(try folder.write(Self.metaImage(["DimSize = 1 1 1", "ElementDataFile = a.raw"]), to: "x.mhd"))
        let second = refusal(try folder.write(Self.metaImage(["DimSize = 1 1 1", "ElementDataFile = b.raw"]), to: "x.mhd"))
        #expect(first?.message.replacingOccurrences(of: "a.raw", with: "b.raw") == second?.message)
    }

    @Test func metaImageDataFileInsideTheFolderIsRead() throws {
        try FileManager.default.createDirectory(atPath: folder.file("raw"), withIntermediateDirectories: true)
        _ = try folder.write([UInt8](1...8), to: "raw/c01.raw")
        let path = try folder.write(Self.metaImage(["DimSize = 2 2 2", "ElementDataFile = raw/c01.raw"]), to: "c01.mhd")
        #expect(try VolumeReader.read(path: path).floats() == (1...8).map(Float.init))
    }

    /// A NIfTI-1 uint8 header of `extents`, data at byte 352.
    static func niftiOne(extents: [Int16]) -> [UInt8] {
        var header = [UInt8](repeating: 0, count: 352)
        header.replaceSubrange(0..<4, with: le(Int32(348)))
        let dims = [Int16(extents.count)] + extents + Array(repeating: 1, count: 7 - extents.count)
        for (index, extent) in dims.enumerated() { header.replaceSubrange((40 + 2 * index)..<(42 + 2 * index), with: le(extent)) }
        header.replaceSubrange(70..<74, with: le(Int16(2)) + le(Int16(8)))
        header.replaceSubrange(108..<112, with: le(Float(352).bitPattern))
        header.replaceSubrange(344..<348, with: Array("n+1\0".utf8))
        return header
    }

    @Test func denseGigavoxelMapIsRefusedFromItsHeader() throws {
        // The 1024³ all-ones map (1 MB gzipped, >10 GB to collect) is refused before its data is touched.
        let path = try folder.write(Deflate.gzip(Self.niftiOne(extents: [1024, 1024, 1024]) + [UInt8](repeating: 1, count: 1 << 16)), to: "ones.nii.gz")
        for sparse in [false, true] {
            let error = try #require(refusal(path, sparse: sparse))
            #expect(error.kind == .tooLarge)
            #expect(error.field == "dim")
            #expect(error.message.contains("1073741824 voxels"))
        }
    }

    @Test(arguments: ["ones.nii.gz", "ones.nii", "ones.mha"])
    func nonZeroVoxelsAreCappedNotGrownWithoutBound(name: String) throws {
        let volume = Volume(shape: [32, 32, 32], spacing: [1, 1, 1], affine: .identity,
                            voxels: VoxelBuffer([UInt8](repeating: 1, count: 32 * 32 * 32)))
        let path = folder.file(name)
        if name.hasSuffix(".mha") { try MetaImageWriter.write(volume, to: path) } else { try NIfTIWriter.write(volume, to: path) }
        let error = try #require(refusal(path, limits: VolumeLimits(maximumNonZeroVoxels: 1_000), sparse: true))
        #expect(error.kind == .tooLarge)
        #expect(error.message.contains("more than 1000 voxels are not zero"))
        #expect(try VolumeReader.readNonZero(path: path).indices.count == 32 * 32 * 32)
    }

    @Test func gridLimitsRefuseAFileLargerThanTheTruthGrid() throws {
        let volume = Volume(shape: [8, 8, 8], spacing: [1, 1, 1], affine: .identity, voxels: VoxelBuffer([UInt8](repeating: 0, count: 512)))
        try NIfTIWriter.write(volume, to: folder.file("p.nii.gz"))
        let error = try #require(refusal(folder.file("p.nii.gz"), limits: .grid([4, 4, 4]), sparse: true))
        #expect(error.field == "dim")
        #expect(try VolumeReader.readNonZero(path: folder.file("p.nii.gz"), limits: .grid([8, 8, 8])).shape == [8, 8, 8])
    }
}

/// Hostile volume headers kept as fuzz seeds under `Fixtures/bad/` (written with `ARBITER_WRITE_BAD_FIXTURES=1`).
@Suite struct BadVolumeFixtureTests {
    static let all: [(name: String, bytes: [UInt8], field: String)] = [
        ("nifti2-vox-offset-max.nii", VolumeBudgetTests.voxOffsetBomb, "vox_offset"),
        ("nifti1-gigavoxel-ones.nii.gz", Deflate.gzip(VolumeBudgetTests.niftiOne(extents: [1024, 1024, 1024]) + [UInt8](repeating: 1, count: 1 << 16)), "dim"),
        ("metaimage-headersize-huge.mha", VolumeBudgetTests.metaImage(["DimSize = 2 2 2", "HeaderSize = 9223372036854775800", "ElementDataFile = LOCAL"]) + [UInt8](repeating: 1, count: 8), "HeaderSize"),
        ("metaimage-compressed-size-huge.mha", VolumeBudgetTests.metaImage(["DimSize = 2 2 2", "CompressedData = True", "CompressedDataSize = 9223372036854775807", "ElementDataFile = LOCAL"]) + Deflate.zlib([UInt8](repeating: 1, count: 8)), "CompressedDataSize"),
        ("metaimage-dims-overflow.mha", VolumeBudgetTests.metaImage(["DimSize = 4294967296 4294967296 4", "ElementDataFile = LOCAL"]), "DimSize"),
        ("metaimage-absolute-datafile.mhd", VolumeBudgetTests.metaImage(["DimSize = 2 2 2", "ElementDataFile = /root/.bash_history"]), "ElementDataFile"),
        ("metaimage-parent-datafile.mhd", VolumeBudgetTests.metaImage(["DimSize = 2 2 2", "ElementDataFile = ../../etc/passwd"]), "ElementDataFile"),
    ]

    @Test func committedBadVolumesAreTheCraftedBytesAndAreRefused() throws {
        let folder = RepositoryFiles.path("Fixtures/bad")
        for bad in Self.all {
            let path = folder + "/" + bad.name
            if ProcessInfo.processInfo.environment["ARBITER_WRITE_BAD_FIXTURES"] != nil { try Data(bad.bytes).write(to: URL(fileURLWithPath: path)) }
            let committed = try #require(FileManager.default.contents(atPath: path), "\(bad.name) missing")
            #expect([UInt8](committed) == bad.bytes, "\(bad.name) differs from its generator")
            #expect(bad.bytes.count < 20_000)
            for sparse in [false, true] {
                do {
                    _ = sparse ? try VolumeReader.readNonZero(path: path).shape : try VolumeReader.read(path: path).shape
                    Issue.record("\(bad.name) was read")
                } catch {
                    #expect(error.field?.hasPrefix(bad.field) == true, "\(bad.name): \(error)")
                    #expect(error.file == path)
                }
            }
        }
    }
}
