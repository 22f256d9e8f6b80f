import Annotations
import Challenge
import Geometry

/// Where a reader's coordinates meet the slide's. A reader sees an item as shown: its own picture, from (0, 0) at the
/// top-left to its size in level-0 pixels, turned or mirrored when it is a hidden repeat. Reads are stored in the
/// slide's level-0 pixels. Readers draw, send and get back shapes in the shown frame, and the server maps them with
/// this frame. A reader is never told where the item lies on its slide or how it is turned: two assignments of the
/// same region, or a turned repeat, would give themselves away.
public struct ItemFrame: Sendable, Equatable {
    /// The item's level-0 rectangle on its slide.
    public let box: RegionBox
    /// How a hidden repeat is shown; nil shows the item as it is.
    public let transform: RepeatTransform?

    public init(box: RegionBox, transform: RepeatTransform?) {
        self.box = box
        self.transform = transform
    }

    /// The frame of `item` shown under `transform`. A whole slide's box is the whole of its level 0 (`slideSize`);
    /// nil when the item has no box and the slide's size is unknown.
    public init?(_ item: ItemDescription, transform: RepeatTransform?, slideSize: (width: Int, height: Int)?) {
        if let box = item.regionBox {
            self.init(box: box, transform: transform)
        } else if let slideSize {
            self.init(box: RegionBox(x: 0, y: 0, width: slideSize.width, height: slideSize.height), transform: transform)
        } else {
            return nil
        }
    }

    /// The frame of an item whose place is unknown, shown as it is: its shapes stay in the slide's own pixels.
    public static let unplaced = ItemFrame(box: RegionBox(x: 0, y: 0, width: 0, height: 0), transform: nil)

    /// The item's size as shown, in level-0 pixels: width and height swap under a quarter turn.
    public var shownSize: (width: Int, height: Int) {
        switch transform {
        case .rotate90, .rotate270: (box.height, box.width)
        default: (box.width, box.height)
        }
    }

    /// A point of the shown picture on the slide. Coordinates are continuous (pixel edges), so the maps are exact
    /// inverses of each other.
    public func slidePoint(_ shown: PlanePoint) -> PlanePoint {
        let (width, height) = (Double(box.width), Double(box.height))
        let local: PlanePoint = switch transform {
        case nil: shown
        // Clockwise: the item's top-left corner is shown at the top-right.
        case .rotate90: PlanePoint(x: shown.y, y: height - shown.x)
        case .rotate180: PlanePoint(x: width - shown.x, y: height - shown.y)
        case .rotate270: PlanePoint(x: width - shown.y, y: shown.x)
        case .flipHorizontal: PlanePoint(x: width - shown.x, y: shown.y)
        case .flipVertical: PlanePoint(x: shown.x, y: height - shown.y)
        }
        return PlanePoint(x: local.x + Double(box.x), y: local.y + Double(box.y))
    }

    /// A point of the slide as the reader is shown it.
    public func shownPoint(_ slide: PlanePoint) -> PlanePoint {
        let (width, height) = (Double(box.width), Double(box.height))
        let local = PlanePoint(x: slide.x - Double(box.x), y: slide.y - Double(box.y))
        return switch transform {
        case nil: local
        case .rotate90: PlanePoint(x: height - local.y, y: local.x)
        case .rotate180: PlanePoint(x: width - local.x, y: height - local.y)
        case .rotate270: PlanePoint(x: local.y, y: width - local.x)
        case .flipHorizontal: PlanePoint(x: width - local.x, y: local.y)
        case .flipVertical: PlanePoint(x: local.x, y: height - local.y)
        }
    }

    /// Shapes drawn on the shown picture, on the slide.
    public func slideShapes(_ shapes: ShapeSet) -> ShapeSet { mapped(shapes, slidePoint) }

    /// Shapes of the slide, as the reader is shown them.
    public func shownShapes(_ shapes: ShapeSet) -> ShapeSet { mapped(shapes, shownPoint) }

    /// Each vertex moved by `map`. A box stays a box (quarter turns and mirrors keep it axis-aligned); a mirror reverses
    /// each ring, so that rings keep the way they wind.
    private func mapped(_ set: ShapeSet, _ map: (PlanePoint) -> PlanePoint) -> ShapeSet {
        let mirrors = transform == .flipHorizontal || transform == .flipVertical
        return ShapeSet(set.shapes.map { shape in
            let geometry: ShapeGeometry = switch shape.geometry {
            case .point(let point): .point(map(point))
            case .polygon(let region):
                .polygon(PolygonRegion(rings: region.rings.map { ring in
                    let moved = ring.map(map)
                    return mirrors ? Array(moved.reversed()) : moved
                }))
            case .box(let box):
                .box(Self.bounds(of: box.corners.map(map)))
            }
            return ClassedShape(geometry, className: shape.className)
        })
    }

    private static func bounds(of points: [PlanePoint]) -> PlaneBox {
        let xs = points.map(\.x), ys = points.map(\.y)
        return PlaneBox(x: xs.min() ?? 0, y: ys.min() ?? 0, maxX: xs.max() ?? 0, maxY: ys.max() ?? 0)
    }
}

extension ItemFrame {
    /// A read's shapes (GeoJSON text) sent in the shown frame, as the text stored in slide coordinates; refused as
    /// `ReadValidator` refuses shapes it cannot read.
    public func slideText(_ shown: String, item: String) throws(StudyError) -> String {
        try Self.rewritten(shown, item: item, slideShapes)
    }

    /// A stored read's shapes (GeoJSON text, slide coordinates) as the reader is shown them.
    public func shownText(_ stored: String, item: String) throws(StudyError) -> String {
        try Self.rewritten(stored, item: item, shownShapes)
    }

    private static func rewritten(_ text: String, item: String, _ map: (ShapeSet) -> ShapeSet) throws(StudyError) -> String {
        let shapes = map(try ReadValidator.shapeSet(text, item: item))
        do {
            return String(decoding: try GeoJSONWriter.bytes(shapes, file: "shapes"), as: UTF8.self)
        } catch {
            throw .invalidRead(item: item, field: "shapes", reason: error.description)
        }
    }
}
