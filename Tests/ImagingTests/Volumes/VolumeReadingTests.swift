import Compression
import Imaging
import TestSupport
import Testing

@Suite struct VolumeReadingTests {
    @Test func gzipFileWithSeveralMembersReadsWhole() throws {
        let folder = try ScratchFolder()
        let bytes = NIfTIWriter.encode(VolumeSamples.volume(.float32))
        let split = bytes.count / 3
        let members = Deflate.gzip(Array(bytes[..<split])) + Deflate.gzip(Array(bytes[split...]))
        let volume = try VolumeReader.read(path: folder.write(members, to: "bgzip.nii.gz"))
        #expect(volume.voxels == VolumeSamples.volume(.float32).voxels)
    }

    @Test func pairCanBeOpenedFromItsImageHalf() throws {
        let volume = try VolumeReader.read(path: RepositoryFiles.path("Fixtures/volumes/nifti/int16_pair.img"))
        let sameFromHeader = try VolumeReader.read(path: RepositoryFiles.path("Fixtures/volumes/nifti/int16_pair.hdr"))
        #expect(volume == sameFromHeader)
    }

    @Test func metaImageWithIdentityDirectionIsLPS() throws {
        let volume = try VolumeReader.read(path: RepositoryFiles.path("Fixtures/volumes/metaimage/met_uchar.mha"))
        #expect(volume.orientationCode == "LPS")
    }

    @Test func mniTemplateIsLeftAnteriorSuperior() throws {
        let volume = try VolumeReader.read(path: RepositoryFiles.path("Fixtures/volumes/nibabel/avg152T1_LR_nifti.nii.gz"))
        #expect(volume.orientationCode == "LAS")
        #expect(volume.shape == [91, 109, 91])
    }

    @Test func fileNamedWithoutAnExtensionIsRecognisedByContent() throws {
        let folder = try ScratchFolder()
        let path = try folder.write(Deflate.gzip(NIfTIWriter.encode(VolumeSamples.volume(.uint8))), to: "case-017")
        #expect(try VolumeReader.read(path: path).shape == VolumeSamples.shape)
    }

    @Test func windowMapsItsEndsToBlackAndWhite() {
        let window = IntensityWindow(center: 40, width: 400)
        #expect(window.grey(-160) == 0)
        #expect(window.grey(240) == 255)
        #expect(window.grey(-1000) == 0)
        #expect(window.grey(40) == 128)
    }

    @Test func summaryReportsGeometryAndRange() throws {
        let summary = VolumeSummary(VolumeSamples.volume(.int16))
        #expect(summary.shape == [5, 4, 3])
        #expect(summary.minimum == -16_000)
        #expect(summary.lines.contains { $0.hasPrefix("orientation") })
    }
}
