import Compression
import Foundation

/// Reads NIfTI-1 and NIfTI-2 files: `.nii`, `.nii.gz`, and `.hdr`/`.img` pairs (either gzipped), in either byte order.
public enum NIfTIReader {
    public static func read(path: String, limits: VolumeLimits = .default) throws(VolumeError) -> Volume {
        let lower = path.lowercased()
        if lower.hasSuffix(".img") || lower.hasSuffix(".img.gz") {
            return try readPair(headerPath: companion(of: path, replacing: ".img", with: ".hdr"), limits: limits)
        }
        let mapped = try MappedFile(path: path)
        let compressed = FileBytes.isGzip(mapped.prefix(2))
        // Header fields come from the first bytes; a megabyte of gzip input holds far more than 540 bytes of header.
        let headerBytes = compressed ? try peekHeader(mapped.prefix(1 << 20), file: path) : mapped.prefix(540)
        let header = try NIfTIHeader.decode(headerBytes, file: path)
        if !header.isSingleFile {
            return try readPair(headerPath: path, header: header, limits: limits)
        }
        let check = try header.checked(file: path, limits: limits)
        let end = check.dataEnd
        if compressed {
            try refuseImpossibleExpansion(declared: end, compressedSize: mapped.count, file: path)
            let expanded = try mapped.withUnsafeBytes { bytes throws(VolumeError) in try expand(bytes, declaredSize: end, file: path) }
            return try volume(header: header, check: check, data: expanded, range: check.dataOffset..<end, file: path)
        }
        try requireLength(mapped.count, end: end, dataOffset: check.dataOffset, file: path)
        let bytes = mapped.prefix(end)
        return try volume(header: header, check: check, data: bytes, range: check.dataOffset..<end, file: path)
    }

    /// The non-zero voxels of a gzipped single-file NIfTI volume with one component and no scaling, inflated
    /// without writing out its zeros (`Deflate.gunzipSparse`); any other file is read whole first.
    public static func readNonZero(path: String, limits: VolumeLimits = .default) throws(VolumeError) -> SparseVolume {
        let lower = path.lowercased()
        // Compressed maps are small: one read costs less than mapping and unmapping (a TLB flush on every core).
        let compressed = try FileBytes.read(path)
        guard !lower.hasSuffix(".img"), !lower.hasSuffix(".img.gz"), FileBytes.isGzip(compressed) else {
            return try SparseVolume(try read(path: path, limits: limits), limits: limits, file: path)
        }
        let header = try NIfTIHeader.decode(try peekHeader(compressed, file: path), file: path)
        guard header.isSingleFile else { return try SparseVolume(try read(path: path, limits: limits), limits: limits, file: path) }
        let check = try header.checked(file: path, limits: limits)
        guard check.voxelType.inherentComponents == 1, try header.scaling(file: path).isIdentity else {
            return try SparseVolume(try read(path: path, limits: limits), limits: limits, file: path)
        }
        let end = check.dataEnd
        try refuseImpossibleExpansion(declared: end, compressedSize: compressed.count, file: path)
        let expanded = try compressed.withUnsafeBytes { bytes in
            Result { () throws(VolumeError) in try expandSparse(bytes, declaredSize: end, file: path) }
        }.get()
        guard let voxels = expanded.nonZeroValues(type: check.voxelType, in: check.dataOffset..<end, bigEndian: header.bigEndian,
                                                  limit: limits.maximumNonZeroVoxels) else {
            throw SparseVolume.tooManyNonZero(limits: limits, file: path)
        }
        return SparseVolume(shape: check.shape, indices: voxels.indices, values: voxels.values)
    }

    private static func readPair(headerPath: String, header knownHeader: NIfTIHeader? = nil, limits: VolumeLimits) throws(VolumeError) -> Volume {
        let header: NIfTIHeader
        if let knownHeader {
            header = knownHeader
        } else {
            let bytes = try FileBytes.read(headerPath)
            header = try NIfTIHeader.decode(FileBytes.isGzip(bytes) ? try peekHeader(bytes, file: headerPath) : bytes, file: headerPath)
        }
        let check = try header.checked(file: headerPath, limits: limits)
        let imagePath = try companion(of: headerPath, replacing: ".hdr", with: ".img")
        let bytes = try FileBytes.read(imagePath)
        let end = check.dataEnd
        if FileBytes.isGzip(bytes) {
            try refuseImpossibleExpansion(declared: end, compressedSize: bytes.count, file: imagePath)
            let expanded = try expand(bytes, declaredSize: end, file: imagePath)
            return try volume(header: header, check: check, data: expanded, range: check.dataOffset..<end, file: headerPath)
        }
        try requireLength(bytes.count, end: end, dataOffset: check.dataOffset, file: imagePath)
        return try volume(header: header, check: check, data: bytes, range: check.dataOffset..<end, file: headerPath)
    }

    private static func volume(header: NIfTIHeader, check: NIfTILayoutCheck, data: [UInt8], range: Range<Int>, file: String) throws(VolumeError) -> Volume {
        let type = check.voxelType
        let name = NIfTIDatatype.byCode[header.datatypeCode]?.name ?? "?"
        return Volume(
            shape: check.shape,
            spacing: header.spacing(rank: check.shape.count),
            affine: try header.affine(shape: check.shape, file: file),
            components: type.inherentComponents,
            scaling: try header.scaling(file: file),
            voxels: VoxelBuffer(type: type, storage: data, range: range, bigEndian: header.bigEndian),
            source: VolumeSource(
                format: header.version == .one ? .nifti1 : .nifti2, storedType: "\(name) (\(header.datatypeCode))",
                sformCode: header.sformCode, qformCode: header.qformCode))
    }

    /// The header of a gzipped file, from the first bytes of the stream.
    private static func peekHeader(_ bytes: [UInt8], file: String) throws(VolumeError) -> [UInt8] {
        do {
            return try Deflate.peek(bytes, count: 540)
        } catch {
            throw VolumeError(.corruptData, file: file, "gzip stream: \(error)")
        }
    }

    private static func expand(_ bytes: [UInt8], declaredSize: Int, file: String) throws(VolumeError) -> [UInt8] {
        do {
            return try Deflate.gunzip(bytes, declaredSize: declaredSize)
        } catch {
            throw volumeError(error, declaredSize: declaredSize, file: file)
        }
    }

    private static func expand(_ bytes: UnsafeRawBufferPointer, declaredSize: Int, file: String) throws(VolumeError) -> [UInt8] {
        do {
            return try Deflate.gunzip(bytes, declaredSize: declaredSize)
        } catch {
            throw volumeError(error, declaredSize: declaredSize, file: file)
        }
    }

    private static func expandSparse(_ bytes: UnsafeRawBufferPointer, declaredSize: Int, file: String) throws(VolumeError) -> SparseBytes {
        do {
            return try Deflate.gunzipSparse(bytes, declaredSize: declaredSize)
        } catch {
            throw volumeError(error, declaredSize: declaredSize, file: file)
        }
    }

    private static func volumeError(_ error: DecompressionFailure, declaredSize: Int, file: String) -> VolumeError {
        let kind: VolumeError.Kind = if case .truncated = error { .truncated } else { .corruptData }
        return VolumeError(kind, file: file, "gzip stream (header and data, \(declaredSize) bytes declared): \(error)")
    }

    private static func refuseImpossibleExpansion(declared: Int, compressedSize: Int, file: String) throws(VolumeError) {
        let (most, overflow) = compressedSize.multipliedReportingOverflow(by: Deflate.maximumExpansionRatio)
        guard overflow || declared <= most + 1024 else {
            throw VolumeError(.truncated, file: file, field: "dim",
                              "the header declares \(declared) bytes but \(compressedSize) compressed bytes cannot expand to more than \(most)")
        }
    }

    private static func requireLength(_ length: Int, end: Int, dataOffset: Int, file: String) throws(VolumeError) {
        guard length >= end else {
            throw VolumeError(.truncated, file: file, byteOffset: length,
                              "file ends at byte \(length) but the voxel data runs from byte \(dataOffset) to \(end)")
        }
    }

    private static func companion(of path: String, replacing old: String, with new: String) throws(VolumeError) -> String {
        var candidates: [String] = []
        for suffix in [old, old + ".gz", old.uppercased(), old.uppercased() + ".gz"] where path.hasSuffix(suffix) {
            let stem = String(path.dropLast(suffix.count))
            candidates = [stem + new, stem + new + ".gz", stem + new.uppercased(), stem + new.uppercased() + ".gz"]
            break
        }
        if candidates.isEmpty { candidates = [path + new] }
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            throw VolumeError(.unreadable, file: path, "the other half of the pair is missing (looked for \(candidates.map { String($0.split(separator: "/").last ?? "") }.joined(separator: ", ")) beside it)")
        }
        return found
    }
}
