import Compression

/// Writes MetaImage files as SimpleITK does: `.mha` with the data inside, or `.mhd` with a `.raw`/`.zraw`
/// beside it; zlib-compressed on request; little-endian; origin and direction in ITK's LPS world.
public enum MetaImageWriter {
    public static func write(_ volume: Volume, to path: String, compressed: Bool = true) throws(VolumeError) {
        var data = volume.voxels.bytes(bigEndian: false)
        if compressed { data = Deflate.zlib(data) }
        let detached = path.lowercased().hasSuffix(".mhd")
        let dataName = detached ? dataFileName(for: path, compressed: compressed) : nil
        let header = headerText(volume, compressedSize: compressed ? data.count : nil, dataFile: dataName ?? "LOCAL")
        if let dataName {
            let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            try FileWriting.atomically(data, to: folder.isEmpty ? dataName : folder + "/" + dataName)
            try FileWriting.atomically(Array(header.utf8), to: path)
        } else {
            try FileWriting.atomically(Array(header.utf8) + data, to: path)
        }
    }

    static func headerText(_ volume: Volume, compressedSize: Int?, dataFile: String) -> String {
        let rank = volume.shape.count
        let lps = volume.affine.lps
        let direction = volume.affine.itkDirection
        // MetaIO lists each voxel axis's direction in turn (the direction matrix, column by column).
        var matrix: [Double] = []
        for column in 0..<rank {
            for row in 0..<rank {
                let inGrid = row < 3 && column < 3
                matrix.append(inGrid ? direction[row][column] : (row == column ? 1 : 0))
            }
        }
        let origin: [Double] = (0..<rank).map { $0 < 3 ? lps.translation[$0] : 0 }
        var lines = [
            "ObjectType = Image",
            "NDims = \(rank)",
            "BinaryData = True",
            "BinaryDataByteOrderMSB = False",
            "CompressedData = \(compressedSize == nil ? "False" : "True")",
        ]
        if let compressedSize { lines.append("CompressedDataSize = \(compressedSize)") }
        lines.append("TransformMatrix = " + formatted(matrix))
        lines.append("Offset = " + formatted(origin))
        lines.append("CenterOfRotation = " + formatted(Array(repeating: 0, count: rank)))
        lines.append("ElementSpacing = " + formatted(volume.spacing))
        lines.append("DimSize = " + volume.shape.map { String($0) }.joined(separator: " "))
        if volume.components > 1 { lines.append("ElementNumberOfChannels = \(volume.components)") }
        lines += ["ElementType = " + MetaImageElementType.name(of: volume.voxels.type), "ElementDataFile = \(dataFile)"]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func formatted(_ values: [Double]) -> String {
        values.map(format).joined(separator: " ")
    }

    /// Shortest text that reads back as the same Double.
    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }

    private static func dataFileName(for path: String, compressed: Bool) -> String {
        let name = String(path.split(separator: "/").last ?? Substring(path))
        return String(name.dropLast(4)) + (compressed ? ".zraw" : ".raw")
    }
}
