/// The non-zero voxels of a single-component volume, with its grid: what lesion scoring needs of a label or
/// detection map, read without expanding the zeros when the file allows it.
public struct SparseVolume: Sendable, Equatable {
    /// Extent of each axis, x first.
    public var shape: [Int]
    /// Grid indices (ascending, x fastest) and real values of the voxels that are not zero.
    public var indices: [Int]
    public var values: [Float]

    public init(shape: [Int], indices: [Int], values: [Float]) {
        self.shape = shape
        self.indices = indices
        self.values = values
    }

    /// The non-zero voxels of a volume already in memory.
    public init(_ volume: Volume) {
        let voxels = volume.nonZeroVoxels()
        self.init(shape: volume.shape, indices: voxels.indices, values: voxels.values)
    }

    /// The non-zero voxels of a volume already in memory, refusing more than `limits.maximumNonZeroVoxels`.
    public init(_ volume: Volume, limits: VolumeLimits, file: String) throws(VolumeError) {
        let voxels = volume.nonZeroVoxels(upTo: limits.maximumNonZeroVoxels)
        try Self.checkCount(voxels.indices.count, limits: limits, file: file)
        self.init(shape: volume.shape, indices: voxels.indices, values: voxels.values)
    }

    /// Refuses more non-zero voxels than the limit: a map that is not sparse is not what this reader is for.
    static func checkCount(_ count: Int, limits: VolumeLimits, file: String) throws(VolumeError) {
        guard count <= limits.maximumNonZeroVoxels else { throw tooManyNonZero(limits: limits, file: file) }
    }

    static func tooManyNonZero(limits: VolumeLimits, file: String) -> VolumeError {
        VolumeError(.tooLarge, file: file, "more than \(limits.maximumNonZeroVoxels) voxels are not zero; a label or detection map "
            + "is expected to be mostly zero")
    }

    /// The first three extents, padded with 1 for 2D images.
    public var spatialShape: [Int] { (0..<3).map { $0 < shape.count ? shape[$0] : 1 } }
}
