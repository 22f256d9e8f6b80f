import Geometry
import Scoring

/// An axis-aligned rectangle of class `className`, corners (x0, y0) and (x1, y1) in level-0 pixels.
func rectangle(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, className: String = "tumour") -> ClassedPolygon {
    ClassedPolygon(
        className: className,
        region: PolygonRegion(rings: [[
            PlanePoint(x: x0, y: y0), PlanePoint(x: x1, y: y0), PlanePoint(x: x1, y: y1), PlanePoint(x: x0, y: y1),
        ]]))
}

/// A point of class `className`.
func point(_ x: Double, _ y: Double, className: String = "cell") -> ClassedPoint {
    ClassedPoint(className: className, point: PlanePoint(x: x, y: y))
}
