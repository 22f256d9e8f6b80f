import Compression

/// Writes NIfTI-1 single files (`.nii`, or gzipped `.nii.gz`), little-endian.
///
/// The affine goes in the sform (code 2, "aligned"), with the qform unset, as nibabel writes a new image;
/// reading the file back gives the same voxels, bit for bit, and the affine rounded to Float32.
public enum NIfTIWriter {
    public static func write(_ volume: Volume, to path: String) throws(VolumeError) {
        guard volume.shape.count <= 7 else {
            throw VolumeError(.unsupported, file: path, field: "dim", "NIfTI holds at most 7 dimensions, the volume has \(volume.shape.count)")
        }
        guard volume.components == volume.voxels.type.inherentComponents else {
            throw VolumeError(.unsupported, file: path, "\(volume.components)-component \(volume.voxels.type) voxels have no NIfTI datatype")
        }
        let bytes = encode(volume)
        try FileWriting.atomically(path.lowercased().hasSuffix(".gz") ? Deflate.gzip(bytes) : bytes, to: path)
    }

    /// The file's bytes: 348-byte header, 4 bytes saying "no extensions", then the voxels.
    public static func encode(_ volume: Volume) -> [UInt8] {
        var header = LittleEndianWriter(size: 352)
        header.put(Int32(348), at: 0)
        header.put(Int16(volume.shape.count), at: 40)
        for (axis, extent) in volume.shape.enumerated() { header.put(Int16(clamping: extent), at: 42 + 2 * axis) }
        for axis in volume.shape.count..<7 { header.put(Int16(1), at: 42 + 2 * axis) }
        let type = volume.voxels.type
        header.put(Int16(NIfTIDatatype.code(for: type)), at: 70)
        header.put(Int16(NIfTIDatatype.bitsPerVoxel(type)), at: 72)
        header.putFloat32(1, at: 76)  // qfac
        for (axis, spacing) in volume.spacing.prefix(7).enumerated() { header.putFloat32(spacing, at: 80 + 4 * axis) }
        header.putFloat32(352, at: 108)
        header.putFloat32(volume.scaling.slope, at: 112)
        header.putFloat32(volume.scaling.intercept, at: 116)
        header.put(UInt8(2 | 8), at: 123)  // millimetres and seconds
        header.putText("Arbiter", at: 148, width: 80)
        header.put(Int16(0), at: 252)
        header.put(Int16(2), at: 254)
        for row in 0..<3 {
            for column in 0..<4 { header.putFloat32(volume.affine.rows[row][column], at: 280 + 16 * row + 4 * column) }
        }
        header.putText("n+1", at: 344, width: 4)
        return header.bytes + volume.voxels.bytes(bigEndian: false)
    }
}
