import Compression
/// Reads any volume format Arbiter knows, chosen by file name, or by content when the name says nothing.
public enum VolumeReader {
    public static func read(path: String, limits: VolumeLimits = .default) throws(VolumeError) -> Volume {
        switch VolumeFileKind(path: path) {
        case .nifti: return try NIfTIReader.read(path: path, limits: limits)
        case .metaImage: return try MetaImageReader.read(path: path, limits: limits)
        case nil: break
        }
        // A name that says nothing: sniff the first bytes only (a header, or the start of a gzip stream).
        let bytes = try MappedFile(path: path).prefix(4096)
        if FileBytes.isGzip(bytes) || looksLikeNIfTIHeader(bytes) {
            return try NIfTIReader.read(path: path, limits: limits)
        }
        if String(decoding: bytes, as: UTF8.self).contains("ElementDataFile") {
            return try MetaImageReader.read(path: path, limits: limits)
        }
        throw VolumeError(.unrecognised, file: path, "neither a NIfTI nor a MetaImage file (by name or content)")
    }

    /// The non-zero voxels of a single-component volume; gzipped NIfTI files are inflated without their zeros.
    public static func readNonZero(path: String, limits: VolumeLimits = .default) throws(VolumeError) -> SparseVolume {
        if VolumeFileKind(path: path) == .nifti { return try NIfTIReader.readNonZero(path: path, limits: limits) }
        return try SparseVolume(try read(path: path, limits: limits), limits: limits, file: path)
    }

    private static func looksLikeNIfTIHeader(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 4 else { return false }
        let little = EndianBytes(bytes: bytes, bigEndian: false).int32(0)
        let big = EndianBytes(bytes: bytes, bigEndian: true).int32(0)
        return [348, 540].contains(little) || [348, 540].contains(big)
    }
}

/// Volume formats recognised by file name.
public enum VolumeFileKind: Sendable {
    case nifti, metaImage

    public init?(path: String) {
        let name = path.lowercased()
        if [".nii", ".nii.gz", ".hdr", ".img", ".img.gz", ".hdr.gz"].contains(where: name.hasSuffix) {
            self = .nifti
        } else if [".mha", ".mhd"].contains(where: name.hasSuffix) {
            self = .metaImage
        } else {
            return nil
        }
    }
}
