import Geometry

/// The geometry of a `ClassedShape`: a point, a polygon with any holes, or an axis-aligned box.
public enum ShapeGeometry: Sendable, Equatable {
    /// A single position, such as a mitosis.
    case point(PlanePoint)
    /// An outline and any holes (even-odd over the rings, as `PolygonRasterizer`). The parsers give rings open:
    /// a ring's first vertex is not repeated at its end (the GeoJSON writer closes rings again on writing).
    case polygon(PolygonRegion)
    /// An axis-aligned rectangle, kept as a box rather than as four vertices.
    case box(PlaneBox)

    /// The kind of a shape. The raw values are those of the study spec's `ShapeKind` (`point`, `polygon`, `box`).
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// `ShapeGeometry.point`.
        case point
        /// `ShapeGeometry.polygon`.
        case polygon
        /// `ShapeGeometry.box`.
        case box
    }

    /// Whether this is a point, a polygon or a box.
    public var kind: Kind {
        switch self {
        case .point: .point
        case .polygon: .polygon
        case .box: .box
        }
    }

    /// The area the shape covers, for rasterising: a polygon's region, a box's four corners; nil for a point.
    public var region: PolygonRegion? {
        switch self {
        case .point: nil
        case .polygon(let region): region
        case .box(let box): box.region
        }
    }
}
