import Geometry

/// One shape a reader drew on an item, with the class they gave it, in level-0 pixels (x right, y down).
///
/// This is what a read of a reader study holds, and what `GeoJSONParser.shapes` and `ASAPXMLParser.shapes` read
/// from QuPath and ASAP files (and the matching writers write back).
public struct ClassedShape: Sendable, Equatable {
    /// Where the shape lies.
    public var geometry: ShapeGeometry
    /// The class the reader gave the shape, as the file names it; nil for an unclassified shape (QuPath's
    /// annotation without a classification, ASAP's `PartOfGroup="None"`).
    public var className: String?

    /// The shape `geometry` of class `className`.
    public init(_ geometry: ShapeGeometry, className: String? = nil) {
        self.geometry = geometry
        self.className = className
    }

    /// Whether the shape is a point, a polygon or a box.
    public var kind: ShapeGeometry.Kind { geometry.kind }

    /// A point of class `className`.
    public static func point(_ point: PlanePoint, className: String? = nil) -> ClassedShape {
        ClassedShape(.point(point), className: className)
    }

    /// A polygon (an outline and any holes) of class `className`.
    public static func polygon(_ region: PolygonRegion, className: String? = nil) -> ClassedShape {
        ClassedShape(.polygon(region), className: className)
    }

    /// An axis-aligned box of class `className`.
    public static func box(_ box: PlaneBox, className: String? = nil) -> ClassedShape {
        ClassedShape(.box(box), className: className)
    }
}
