import Imaging
import Testing
import TestSupport

@Suite struct VolumeRoundTripTests {
    @Test(arguments: VoxelType.allCases)
    func niftiGzipWriteThenReadGivesTheSameVoxelsAndGeometry(type: VoxelType) throws {
        let folder = try ScratchFolder()
        let original = VolumeSamples.volume(type)
        try NIfTIWriter.write(original, to: folder.file("v.nii.gz"))
        let read = try VolumeReader.read(path: folder.file("v.nii.gz"))
        #expect(read.voxels == original.voxels)
        #expect(read.shape == original.shape)
        #expect(read.spacing == original.spacing)
        #expect(read.affine == original.affine)
        #expect(read.source.format == .nifti1)
    }

    @Test(arguments: VoxelType.allCases.filter { $0 != .rgb24 }, [true, false])
    func metaImageWriteThenReadGivesTheSameVoxelsAndGeometry(type: VoxelType, compressed: Bool) throws {
        let folder = try ScratchFolder()
        let original = VolumeSamples.volume(type)
        try MetaImageWriter.write(original, to: folder.file("v.mha"), compressed: compressed)
        let read = try VolumeReader.read(path: folder.file("v.mha"))
        #expect(read.voxels == original.voxels)
        #expect(read.shape == original.shape)
        #expect(read.spacing == original.spacing)
        #expect(read.affine == original.affine)
    }

    @Test func metaImageWithDetachedDataFileReadsBack() throws {
        let folder = try ScratchFolder()
        let original = VolumeSamples.volume(.int16)
        try MetaImageWriter.write(original, to: folder.file("v.mhd"), compressed: true)
        #expect(FileManagerProbe.exists(folder.file("v.zraw")))
        #expect(try VolumeReader.read(path: folder.file("v.mhd")).voxels == original.voxels)
    }

    @Test func uncompressedNiftiIsTheHeaderThenTheVoxels() throws {
        let original = VolumeSamples.volume(.uint8)
        let bytes = NIfTIWriter.encode(original)
        #expect(bytes.count == 352 + original.voxelCount)
        #expect(Array(bytes[344..<348]) == Array("n+1\0".utf8))
    }

    @Test func scalingIsAppliedToDoublesLikeNibabel() {
        var volume = VolumeSamples.volume(.int16)
        volume.scaling = IntensityScaling(slope: 2.5, intercept: -3)
        let stored = volume.voxels.doubles()
        let real = volume.doubles()
        #expect(real == stored.map { $0 * 2.5 + -3 })
        #expect(volume.floats() == real.map { Float($0) })
    }
}

import Foundation

enum FileManagerProbe {
    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }
}
