import Diagnostics
import Geometry

extension ASAPXMLParser {
    /// The classed shapes of an ASAP annotation file, one or more per `Annotation` in file order, its
    /// `PartOfGroup` as the class (`None` or empty: unclassified). ASAP's types:
    /// - `Dot`: one point, from its one `Coordinate`;
    /// - `PointSet`: a point per `Coordinate`;
    /// - `Polygon`: a polygon through its `Coordinate`s in `Order` (ASAP stores the ring open; a closing vertex that
    ///   repeats the first is dropped), at least 3 of them distinct;
    /// - `Spline`: ASAP draws a smooth curve through its control points; it is read as the polygon through those
    ///   control points (the curve itself is not sampled), so its area differs a little from what ASAP shows;
    /// - `Rectangle`: a box, from its 4 `Coordinate`s at the corners of an axis-aligned rectangle.
    ///
    /// Refused, with the line and the annotation (1-based): any other type (a `Measurement` is a line, not a
    /// shape), a Dot without exactly one Coordinate, a Polygon or Spline of fewer than 3 distinct vertices, a
    /// Rectangle whose corners are not those of an axis-aligned rectangle, a Coordinate without numeric X and Y.
    /// Files past `limits` are refused: their size before parsing, the rest when the streaming parser reaches the
    /// element past a limit, before it is kept.
    public static func shapes(_ bytes: [UInt8], file: String, limits: ShapeLimits = ShapeLimits()) throws(AnnotationError) -> ShapeSet {
        guard bytes.count <= limits.maxBytes else {
            throw AnnotationError(SourceLocation(file: file, byteOffset: limits.maxBytes),
                                  "the file has \(bytes.count) bytes; a shapes file may have at most \(limits.maxBytes)")
        }
        let delegate = ASAPDelegate(types: nil, limits: limits)
        try run(bytes, file: file, delegate: delegate)
        var shapes: [ClassedShape] = []
        for annotation in delegate.annotations {
            let className = ["", "None"].contains(annotation.group) ? nil : annotation.group
            shapes += try geometries(annotation, file: file).map { ClassedShape($0, className: className) }
        }
        return ShapeSet(shapes)
    }

    private static func geometries(_ annotation: ASAPDelegate.Annotation, file: String) throws(AnnotationError) -> [ShapeGeometry] {
        let points = annotation.orderedPoints
        let failure = { (message: String) in
            AnnotationError(SourceLocation(file: file, line: annotation.line, within: ["annotation \(annotation.index + 1)"]), message)
        }
        switch annotation.type {
        case "Dot":
            guard points.count == 1 else { throw failure("a Dot has one Coordinate, found \(points.count)") }
            return [.point(points[0])]
        case "PointSet":
            return points.map { .point($0) }
        case "Polygon", "Spline":
            let distinct = ShapeRules.distinctVertices(points)
            guard distinct >= 3 else { throw failure("a \(annotation.type) needs at least 3 distinct Coordinates, found \(distinct)") }
            return [.polygon(PolygonRegion(rings: [ShapeRules.open(points)]))]
        case "Rectangle":
            guard let box = PlaneBox(corners: ShapeRules.open(points)) else {
                throw failure("a Rectangle needs 4 Coordinates at the corners of an axis-aligned rectangle, "
                              + "found \(points.count) that are not")
            }
            return [.box(box)]
        default:
            let type = SourceLocation.printable(String(annotation.type.prefix(40)))
            throw failure("annotation type \"\(type)\" is not a shape; expected Dot, PointSet, Polygon, Spline or Rectangle")
        }
    }
}
