/// The shapes of one read (or one annotation file), in file order.
public struct ShapeSet: Sendable, Equatable {
    /// The shapes, in the order the file gave them; a MultiPoint, MultiPolygon or PointSet becomes several shapes
    /// in a row.
    public var shapes: [ClassedShape]

    /// The set holding `shapes`.
    public init(_ shapes: [ClassedShape] = []) {
        self.shapes = shapes
    }

    /// The class names used, each once, in order of first use (unclassified shapes name none).
    public var classNames: [String] {
        var seen = Set<String>()
        return shapes.compactMap(\.className).filter { seen.insert($0).inserted }
    }

    /// The shapes of one kind, in order.
    public func shapes(of kind: ShapeGeometry.Kind) -> [ClassedShape] {
        shapes.filter { $0.kind == kind }
    }
}
