import Imaging
import Testing

@Suite struct VolumeSlicerTests {
    /// A 4 x 3 x 2 RAS volume whose value encodes its voxel index.
    static func indexVolume() -> Volume {
        let values = (0..<24).map { Int16($0) }
        return Volume(shape: [4, 3, 2], spacing: [1, 1, 1], affine: .identity, voxels: VoxelBuffer(values))
    }

    @Test func axialSliceShowsPatientRightOnTheViewersLeftAndAnteriorUp() {
        let slicer = try! VolumeSlicer(volume: Self.indexVolume(), window: IntensityWindow(center: 11.5, width: 23))
        let image = slicer.render(.axial, index: 1)
        #expect(image.width == 4 && image.height == 3)
        // Top-left pixel: the most anterior row (y = 2) and the patient's rightmost column (x = 3, as +x is right).
        let topLeft = image.pixels[0]
        #expect(topLeft == IntensityWindow(center: 11.5, width: 23).grey(Double(1 * 12 + 2 * 4 + 3)))
    }

    @Test func sliceCountFollowsTheNormalAxis() throws {
        let slicer = try VolumeSlicer(volume: Self.indexVolume())
        #expect(slicer.sliceCount(.axial) == 2)
        #expect(slicer.sliceCount(.coronal) == 3)
        #expect(slicer.sliceCount(.sagittal) == 4)
    }

    @Test func labelOutlinesAreColouredAndInteriorsAreNot() throws {
        let image = Volume(shape: [5, 5, 1], spacing: [1, 1, 1], affine: .identity, voxels: VoxelBuffer([Int16](repeating: 0, count: 25)))
        let labels = Volume(shape: [5, 5, 1], spacing: [1, 1, 1], affine: .identity,
                            voxels: VoxelBuffer((0..<25).map { index -> UInt8 in (1...3).contains(index % 5) && (1...3).contains(index / 5) ? 1 : 0 }))
        let picture = try VolumeSlicer(volume: image, labels: labels).render(.axial, index: 0)
        func pixel(_ x: Int, _ y: Int) -> [UInt8] { Array(picture.pixels[(3 * (y * 5 + x))..<(3 * (y * 5 + x) + 3)]) }
        #expect(pixel(1, 1) != [0, 0, 0])
        #expect(pixel(2, 2) == [0, 0, 0])
        #expect(pixel(0, 0) == [0, 0, 0])
    }

    @Test func labelMapOnAnotherGridIsRefused() {
        let labels = Volume(shape: [2, 2, 2], spacing: [1, 1, 1], affine: .identity, voxels: VoxelBuffer([UInt8](repeating: 1, count: 8)))
        #expect(throws: VolumeError.self) { try VolumeSlicer(volume: Self.indexVolume(), labels: labels) }
    }

    @Test func pngRoundTripKeepsEveryPixel() throws {
        let slicer = try VolumeSlicer(volume: Self.indexVolume())
        let image = slicer.render(.coronal, index: 1)
        let decoded = try PNGCodec.decode(PNGCodec.encode(image), channels: 3)
        #expect(decoded == image)
    }
}
