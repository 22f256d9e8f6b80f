/// A 3D (or 2D, or 4D…) image on a regular grid: CT and MR images, label maps, detection maps.
public struct Volume: Sendable, Equatable {
    /// Extent of each axis, x first (the axis that varies fastest in `voxels`).
    public var shape: [Int]
    /// Distance between voxel centres along each axis, in millimetres (time axes in seconds).
    public var spacing: [Double]
    /// Voxel index to RAS+ world millimetres.
    public var affine: AffineTransform
    /// Values per voxel: 1, or 3 for RGB, or a vector length.
    public var components: Int
    /// Map from stored to real values.
    public var scaling: IntensityScaling
    public var voxels: VoxelBuffer
    /// Where the volume came from, and format-specific header details.
    public var source: VolumeSource

    public init(
        shape: [Int], spacing: [Double], affine: AffineTransform, components: Int = 1,
        scaling: IntensityScaling = .identity, voxels: VoxelBuffer, source: VolumeSource = .created
    ) {
        precondition(shape.reduce(components, *) == voxels.count, "shape \(shape) x \(components) does not match \(voxels.count) values")
        self.shape = shape
        self.spacing = spacing
        self.affine = affine
        self.components = components
        self.scaling = scaling
        self.voxels = voxels
        self.source = source
    }

    /// Number of grid points (not counting components).
    public var voxelCount: Int { shape.reduce(1, *) }

    /// The first three extents, padded with 1 for 2D images.
    public var spatialShape: [Int] { (0..<3).map { $0 < shape.count ? shape[$0] : 1 } }

    /// The first three spacings, padded with 1.
    public var spatialSpacing: [Double] { (0..<3).map { $0 < spacing.count ? spacing[$0] : 1 } }

    /// Real values as Float64 (bit-identical to nibabel's `get_fdata()` for NIfTI files).
    public func doubles() -> [Double] { voxels.doubles(scaling: scaling) }

    /// Real values as Float32.
    public func floats() -> [Float] { voxels.floats(scaling: scaling) }

    /// Smallest and largest real value.
    public var valueRange: ClosedRange<Double>? { voxels.range(scaling: scaling) }

    /// Anatomical orientation of the voxel axes, such as "RAS" or "LPS".
    public var orientationCode: String { affine.orientationCode }
}

/// The format and header details a volume was read with.
public struct VolumeSource: Sendable, Equatable, Codable {
    public var format: VolumeFormat?
    /// The stored datatype as the format names it (`int16 (4)`, `MET_SHORT`).
    public var storedType: String?
    public var sformCode: Int?
    public var qformCode: Int?

    public init(format: VolumeFormat? = nil, storedType: String? = nil, sformCode: Int? = nil, qformCode: Int? = nil) {
        self.format = format
        self.storedType = storedType
        self.sformCode = sformCode
        self.qformCode = qformCode
    }

    /// A volume built in memory rather than read.
    public static let created = VolumeSource()
}
