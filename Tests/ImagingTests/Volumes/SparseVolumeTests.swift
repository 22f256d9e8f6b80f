import Imaging
import Testing
import TestSupport

/// `VolumeReader.readNonZero` gives the non-zero voxels a whole read gives, for every file and type.
@Suite struct SparseVolumeTests {
    @Test(arguments: OracleVolumeTests.cases.map(\.path))
    func fixtureFilesGiveTheNonZeroVoxelsOfAWholeRead(path: String) throws {
        let file = RepositoryFiles.path(path)
        #expect(try VolumeReader.readNonZero(path: file) == SparseVolume(try VolumeReader.read(path: file)))
    }

    @Test(arguments: VoxelType.allCases.filter { $0 != .rgb24 })
    func mostlyZeroVolumesOfEveryTypeGiveTheirNonZeroVoxels(type: VoxelType) throws {
        let folder = try ScratchFolder()
        // The sample's 64 values in a few boxes (and scattered voxels) of a larger, otherwise zero grid.
        let sample = VolumeSamples.volume(type, shape: [4, 4, 4]).voxels.bytes
        let (shape, size) = ([64, 48, 9], type.componentSize)
        var bytes = [UInt8](repeating: 0, count: shape.reduce(size, *))
        for voxel in 0..<shape.reduce(1, *) where (voxel % 64 > 20 && voxel % 64 < 29 && (voxel / 64) % 48 > 30) || voxel % 997 == 5 {
            for byte in 0..<size { bytes[voxel * size + byte] = sample[(voxel % 64) * size + byte] }
        }
        let volume = Volume(shape: shape, spacing: [1, 1, 2], affine: .identity, voxels: VoxelBuffer(type: type, nativeBytes: bytes))
        try NIfTIWriter.write(volume, to: folder.file("v.nii.gz"))
        let sparse = try VolumeReader.readNonZero(path: folder.file("v.nii.gz"))
        #expect(sparse == SparseVolume(volume))
        #expect(!sparse.indices.isEmpty)
    }
}
