import Compression

/// What a volume's header says about its grid and values, read without touching the voxel data: what an intake
/// checks of every case file before scoring relies on it.
public struct VolumeGrid: Sendable, Equatable {
    /// Extent of each axis, x first.
    public var shape: [Int]
    /// Values per voxel (3 for RGB24, the channel count of a MetaImage).
    public var components: Int
    public var voxelType: VoxelType

    public init(shape: [Int], components: Int, voxelType: VoxelType) {
        self.shape = shape
        self.components = components
        self.voxelType = voxelType
    }

    /// Reads only the header (the first megabyte at most: a gzip stream's start for `.nii.gz`), checking it as a full
    /// read would.
    public static func read(path: String, limits: VolumeLimits = .default) throws(VolumeError) -> VolumeGrid {
        let head = try FileBytes.read(path, upTo: 1 << 20)
        switch VolumeFileKind(path: path) {
        case .metaImage:
            let header = try MetaImageHeader.parse(head, file: path)
            let layout = try MetaImageLayout(header: header, file: path, limits: limits)
            return VolumeGrid(shape: layout.shape, components: layout.channels, voxelType: layout.type)
        case .nifti, nil:
            var headerBytes = Array(head.prefix(540))
            if FileBytes.isGzip(head) {
                do {
                    headerBytes = try Deflate.peek(head, count: 540)
                } catch {
                    throw VolumeError(.corruptData, file: path, "gzip stream: \(error)")
                }
            }
            let header = try NIfTIHeader.decode(headerBytes, file: path)
            let check = try header.checked(file: path, limits: limits)
            return VolumeGrid(shape: check.shape, components: check.voxelType.inherentComponents, voxelType: check.voxelType)
        }
    }
}
