/// Cuts 2D pictures out of a volume along anatomical planes, with label maps drawn as coloured outlines.
public struct VolumeSlicer: Sendable {
    public let volume: Volume
    private let grey: [UInt8]
    private let labels: [Int32]?
    /// For world axes R, A, S: the voxel axis that runs along it and whether it runs backwards.
    private let voxelAxisOfWorld: [(axis: Int, reversed: Bool)]

    /// Prepares a volume for slicing; `labels`, when given, must have the same grid.
    public init(volume: Volume, window: IntensityWindow? = nil, labels: Volume? = nil) throws(VolumeError) {
        guard volume.voxelCount == volume.spatialShape.reduce(1, *) else {
            throw VolumeError(.unsupported, file: "volume", "slices are cut from 3D volumes; shape is \(volume.shape)")
        }
        if let labels, labels.spatialShape != volume.spatialShape {
            throw VolumeError(.invalidHeader, file: "label map", field: "shape",
                              "label map shape \(labels.spatialShape) differs from the image's \(volume.spatialShape)")
        }
        self.volume = volume
        let components = volume.components
        let values = volume.bytes(window: window)
        self.grey = components == 1 ? values : stride(from: 0, to: values.count, by: components).map { values[$0] }
        self.labels = labels.map { $0.doubles().map { Int32(clamping: Int($0.isFinite ? $0.rounded() : 0)) } }
        let code = Array(volume.orientationCode)
        self.voxelAxisOfWorld = (0..<3).map { world in
            let letters: [(Character, Character)] = [("R", "L"), ("A", "P"), ("S", "I")]
            let axis = code.firstIndex { $0 == letters[world].0 || $0 == letters[world].1 } ?? world
            return (axis, code.indices.contains(axis) && code[axis] == letters[world].1)
        }
    }

    /// Number of slices along a plane's normal.
    public func sliceCount(_ plane: SliceAxis) -> Int {
        volume.spatialShape[voxelAxisOfWorld[plane.worldAxis].axis]
    }

    /// Slice `index` (0 = the most inferior, posterior or left one) as an RGB picture.
    public func render(_ plane: SliceAxis, index: Int) -> PNGCodec.Image {
        let shape = volume.spatialShape
        let normal = voxelAxisOfWorld[plane.worldAxis]
        let (columnWorld, rowWorld) = plane.screenAxes
        let column = voxelAxisOfWorld[columnWorld.axis]
        let row = voxelAxisOfWorld[rowWorld.axis]
        let width = shape[column.axis]
        let height = shape[row.axis]
        let strides = [1, shape[0], shape[0] * shape[1]]
        let depth = normal.reversed ? shape[normal.axis] - 1 - index : index
        func voxel(_ x: Int, _ y: Int) -> Int {
            let along = column.reversed != columnWorld.reversed ? width - 1 - x : x
            let down = row.reversed != rowWorld.reversed ? height - 1 - y : y
            return depth * strides[normal.axis] + along * strides[column.axis] + down * strides[row.axis]
        }
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                let value = grey[voxel(x, y)]
                var colour = (value, value, value)
                if let labels, let outline = Self.outlineLabel(labels, voxel, x, y, width, height) {
                    colour = LabelPalette.colour(outline)
                }
                let base = 3 * (y * width + x)
                (pixels[base], pixels[base + 1], pixels[base + 2]) = colour
            }
        }
        return PNGCodec.Image(width: width, height: height, channels: 3, pixels: pixels)
    }

    /// The label at (x, y) when it borders a different label in the slice (4-neighbours), else nil.
    private static func outlineLabel(_ labels: [Int32], _ voxel: (Int, Int) -> Int, _ x: Int, _ y: Int, _ width: Int, _ height: Int) -> Int32? {
        let label = labels[voxel(x, y)]
        guard label != 0 else { return nil }
        for (dx, dy) in [(-1, 0), (1, 0), (0, -1), (0, 1)] {
            let (nx, ny) = (x + dx, y + dy)
            if nx < 0 || ny < 0 || nx >= width || ny >= height || labels[voxel(nx, ny)] != label { return label }
        }
        return nil
    }
}

/// Distinct, saturated colours for label values.
enum LabelPalette {
    static let colours: [(UInt8, UInt8, UInt8)] = [
        (230, 25, 75), (60, 180, 75), (255, 225, 25), (0, 130, 200), (245, 130, 48), (145, 30, 180), (70, 240, 240), (240, 50, 230),
    ]

    static func colour(_ label: Int32) -> (UInt8, UInt8, UInt8) {
        colours[Int(label.magnitude - 1) % colours.count]
    }
}
