import Geometry

/// One polygon a reader drew, with its class: an outer ring and any holes, in level-0 pixels (x right, y down).
public struct ClassedPolygon: Sendable, Equatable {
    /// The class the reader gave the polygon, as the study names it.
    public var className: String
    /// The rings: the first is the outline, the others holes (even-odd over the rings, as `PolygonRasterizer`).
    public var region: PolygonRegion

    /// The polygon `region` of class `className`.
    public init(className: String, region: PolygonRegion) {
        self.className = className
        self.region = region
    }
}
