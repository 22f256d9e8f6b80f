import Compression
import Foundation

/// Reads MetaImage files as SimpleITK does: `.mha` with the data inside (`ElementDataFile = LOCAL`),
/// `.mhd` with a separate raw file, zlib-compressed or not, any numeric `MET_` type, several channels.
public enum MetaImageReader {
    public static func read(path: String, limits: VolumeLimits = .default) throws(VolumeError) -> Volume {
        let bytes = try FileBytes.read(path)
        let header = try MetaImageHeader.parse(bytes, file: path)
        let layout = try MetaImageLayout(header: header, file: path, limits: limits)
        let (data, range) = try dataBytes(header: header, layout: layout, localBytes: bytes, path: path)
        return Volume(
            shape: layout.shape, spacing: layout.spacing, affine: layout.affine, components: layout.channels,
            voxels: VoxelBuffer(type: layout.type, storage: data, range: range, bigEndian: layout.bigEndian),
            source: VolumeSource(format: .metaImage, storedType: header.fields["ElementType"]))
    }

    private static func dataBytes(
        header: MetaImageHeader, layout: MetaImageLayout, localBytes: [UInt8], path: String
    ) throws(VolumeError) -> ([UInt8], Range<Int>) {
        let dataFile = header.fields["ElementDataFile"] ?? ""
        var source = localBytes
        var sourcePath = path
        var start = header.dataStart
        if dataFile != "LOCAL" {
            guard dataFile != "LIST", !dataFile.contains("%"), !dataFile.isEmpty else {
                throw header.error(.unsupported, "ElementDataFile", file: path, "\"\(dataFile)\": only LOCAL or a single data file are read")
            }
            sourcePath = try MetaImageDataFile.resolve(dataFile, header: header, headerPath: path)
            source = try MetaImageDataFile.read(sourcePath, named: dataFile, header: header, headerPath: path)
            start = 0
        }
        let headerSize = try header.integers("HeaderSize", count: 1, file: path)?.first ?? 0
        guard headerSize >= -1, headerSize <= source.count else {
            throw header.error(.invalidHeader, "HeaderSize", file: path,
                               "HeaderSize is \(headerSize); expected -1 (data at the end) or at most the \(source.count) bytes of \(dataFile == "LOCAL" ? "the file" : "the data file")")
        }
        if layout.compressed {
            let from = try VolumeLimits.end(start, plus: max(headerSize, 0), field: "HeaderSize", file: path)
            return try decompressed(source, from: from, header: header, layout: layout, file: path)
        }
        if headerSize == -1 { start = source.count - layout.dataBytes } else { start = try VolumeLimits.end(start, plus: headerSize, field: "HeaderSize", file: path) }
        let end = try VolumeLimits.end(start, plus: layout.dataBytes, field: "HeaderSize", file: path)
        guard start >= 0, source.count >= end else {
            throw VolumeError(.truncated, file: path, byteOffset: source.count,
                              "\(dataFile == "LOCAL" ? "file" : "data file \(dataFile)") ends at byte \(source.count) but \(layout.dataBytes) bytes of voxel data should start at byte \(max(start, 0))")
        }
        return (source, start..<end)
    }

    private static func decompressed(
        _ source: [UInt8], from start: Int, header: MetaImageHeader, layout: MetaImageLayout, file: String
    ) throws(VolumeError) -> ([UInt8], Range<Int>) {
        var end = source.count
        if let declared = try header.integers("CompressedDataSize", count: 1, file: file)?.first {
            guard declared >= 0, declared <= source.count, start <= source.count - declared else {
                throw header.error(.truncated, "CompressedDataSize", file: file,
                                   "CompressedDataSize is \(declared) but only \(max(source.count - start, 0)) bytes follow the header")
            }
            end = start + declared
        }
        guard start <= end else { throw VolumeError(.truncated, file: file, byteOffset: source.count, "no compressed data after the header") }
        let compressed = Array(source[start..<end])
        let (most, overflow) = compressed.count.multipliedReportingOverflow(by: Deflate.maximumExpansionRatio)
        guard overflow || layout.dataBytes <= most + 1024 else {
            throw VolumeError(.truncated, file: file, field: "DimSize",
                              "the header declares \(layout.dataBytes) bytes but \(compressed.count) compressed bytes cannot expand to more than \(most)")
        }
        do {
            return (try Deflate.inflateZlib(compressed, declaredSize: layout.dataBytes), 0..<layout.dataBytes)
        } catch {
            let kind: VolumeError.Kind = if case .truncated = error { .truncated } else { .corruptData }
            throw VolumeError(kind, file: file, byteOffset: start, "zlib data starting here: \(error)")
        }
    }
}
