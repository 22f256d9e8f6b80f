@_exported import Geometry

extension ConnectedComponents {
    /// Labels a volume's non-zero voxels (its first three axes; further axes must have extent 1).
    public init(volume: Volume, connectivity: Connectivity = .twentySix) {
        precondition(volume.components == 1 && volume.voxelCount == volume.spatialShape.reduce(1, *), "connected components need a scalar 3D volume")
        self.init(values: volume.doubles(), shape: volume.spatialShape, connectivity: connectivity)
    }
}
