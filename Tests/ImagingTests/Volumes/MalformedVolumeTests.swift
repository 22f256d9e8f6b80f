import Compression
import Imaging
import Testing
import TestSupport

/// Broken files are refused with the field, the offset and the reason, and without allocating what a lying header asks for.
@Suite struct MalformedVolumeTests {
    let folder: ScratchFolder
    let valid = NIfTIWriter.encode(VolumeSamples.volume(.int16))

    init() throws { folder = try ScratchFolder() }

    func read(_ bytes: [UInt8], name: String = "bad.nii") throws -> VolumeError? {
        let path = try folder.write(bytes, to: name)
        do {
            _ = try VolumeReader.read(path: path)
            return nil
        } catch {
            return error
        }
    }

    func patched(_ offset: Int, _ values: [UInt8], in bytes: [UInt8]? = nil) -> [UInt8] {
        var copy = bytes ?? valid
        copy.replaceSubrange(offset..<(offset + values.count), with: values)
        return copy
    }

    static func int16(_ value: Int16) -> [UInt8] { withUnsafeBytes(of: value.littleEndian) { Array($0) } }
    static func float32(_ value: Float) -> [UInt8] { withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) } }

    @Test func wrongHeaderSizeIsNotANiftiFile() throws {
        let error = try read(patched(0, [0x5B, 0x01, 0, 0]))
        #expect(error?.kind == .unrecognised)
        #expect(error?.field == "sizeof_hdr")
        #expect(error?.message.contains("347") == true)
    }

    @Test func voxelOffsetPastTheEndIsTruncation() throws {
        let error = try read(patched(108, Self.float32(100_000)))
        #expect(error?.kind == .truncated)
        #expect(error?.byteOffset == valid.count)
    }

    @Test func voxelOffsetInsideTheHeaderIsRefused() throws {
        let error = try read(patched(108, Self.float32(100)))
        #expect(error?.kind == .invalidHeader)
        #expect(error?.field == "vox_offset")
    }

    @Test func negativeExtentNamesTheDimension() throws {
        let error = try read(patched(44, Self.int16(-4)))
        #expect(error?.kind == .invalidHeader)
        #expect(error?.field == "dim[2]")
        #expect(error?.byteOffset == 44)
    }

    @Test func rankOutsideOneToSevenIsRefused() throws {
        let error = try read(patched(40, Self.int16(9)))
        #expect(error?.field == "dim[0]")
    }

    @Test func absurdExtentsAreRefusedBeforeAllocating() throws {
        var bytes = patched(40, Self.int16(7))
        for axis in 1...7 { bytes = patched(40 + 2 * axis, Self.int16(32_767), in: bytes) }
        let error = try read(bytes)
        #expect(error?.kind == .tooLarge)
        #expect(error?.field == "dim")
    }

    @Test func niftiTwoExtentsOfTwoToTheThirtyOneOverflowCleanly() throws {
        var header = [UInt8](repeating: 0, count: 544)
        header.replaceSubrange(0..<4, with: withUnsafeBytes(of: Int32(540).littleEndian) { Array($0) })
        header.replaceSubrange(4..<12, with: Array("n+2\0\r\n\u{1A}\n".utf8))
        header.replaceSubrange(12..<16, with: Self.int16(2) + Self.int16(8))
        let extents: [Int64] = [3, 1 << 31, 1 << 31, 1 << 31, 1, 1, 1, 1]
        for (index, extent) in extents.enumerated() {
            header.replaceSubrange((16 + 8 * index)..<(24 + 8 * index), with: withUnsafeBytes(of: extent.littleEndian) { Array($0) })
        }
        header.replaceSubrange(168..<176, with: withUnsafeBytes(of: Int64(544).littleEndian) { Array($0) })
        let error = try read(header, name: "huge.nii")
        #expect(error?.kind == .tooLarge)
    }

    @Test func bitpixThatContradictsTheDatatypeIsRefused() throws {
        let error = try read(patched(72, Self.int16(8)))
        #expect(error?.kind == .invalidHeader)
        #expect(error?.field == "bitpix")
        #expect(error?.message.contains("int16") == true)
    }

    @Test func complexVoxelsAreNamedAsUnsupported() throws {
        let error = try read(patched(70, Self.int16(32) + Self.int16(64)))
        #expect(error?.kind == .unsupported)
        #expect(error?.message.contains("complex64") == true)
    }

    @Test func fileCutInsideTheVoxelsIsTruncation() throws {
        let error = try read(Array(valid.prefix(valid.count - 10)))
        #expect(error?.kind == .truncated)
        #expect(error?.message.contains("\(valid.count)") == true)
    }

    @Test func gzipCutShortIsTruncation() throws {
        let compressed = Deflate.gzip(valid)
        let error = try read(Array(compressed.prefix(compressed.count / 2)), name: "cut.nii.gz")
        #expect(error?.kind == .corruptData || error?.kind == .truncated)
        #expect(error?.file.hasSuffix("cut.nii.gz") == true)
    }

    @Test func damagedGzipIsCorruptData() throws {
        var compressed = Deflate.gzip(valid + [UInt8](repeating: 7, count: 4096), level: 1)
        for index in stride(from: 40, to: compressed.count - 20, by: 3) { compressed[index] ^= 0x5A }
        let error = try read(compressed, name: "damaged.nii.gz")
        #expect(error?.kind == .corruptData || error?.kind == .unrecognised || error?.kind == .invalidHeader)
    }

    @Test func streamThatExpandsPastTheDeclaredSizeIsRefused() throws {
        let bomb = Deflate.gzip(valid + [UInt8](repeating: 0, count: 8 << 20), level: 9)
        let error = try read(bomb, name: "bomb.nii.gz")
        #expect(error?.kind == .corruptData)
        #expect(error?.message.contains("expands past") == true)
    }

    @Test func headerDeclaringMoreThanTheStreamCouldHoldIsRefused() throws {
        // 30,000 × 4 × 3 int16 voxels (720 KB, within the voxel budget) from a few hundred compressed bytes.
        let bytes = patched(42, Self.int16(30_000))
        let error = try read(Deflate.gzip(bytes), name: "liar.nii.gz")
        #expect(error?.kind == .truncated)
        #expect(error?.message.contains("cannot expand") == true)
    }

    @Test func emptyFileIsRefused() throws {
        #expect(try read([], name: "empty.nii")?.kind == .truncated)
    }

    @Test func textThatIsNeitherFormatIsUnrecognised() throws {
        #expect(try read(Array("hello, world\n".utf8), name: "notes.txt")?.kind == .unrecognised)
    }
}
