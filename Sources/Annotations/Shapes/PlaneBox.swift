import Geometry

/// An axis-aligned rectangle in level-0 pixels (x right, y down), from its top-left corner (`x`, `y`) to its
/// bottom-right corner (`maxX`, `maxY`).
///
/// The box keeps its corners rather than a width and a height: QuPath and ASAP both store a rectangle as its corner
/// coordinates, so keeping those makes every round trip exact (x + width − x need not give width back in floating
/// point). `width` and `height` are computed.
public struct PlaneBox: Sendable, Equatable, Codable {
    /// The left edge.
    public var x: Double
    /// The top edge.
    public var y: Double
    /// The right edge.
    public var maxX: Double
    /// The bottom edge.
    public var maxY: Double

    /// The box from (`x`, `y`) to (`maxX`, `maxY`).
    public init(x: Double, y: Double, maxX: Double, maxY: Double) {
        self.x = x
        self.y = y
        self.maxX = maxX
        self.maxY = maxY
    }

    /// The box at (`x`, `y`) of size `width` × `height`.
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.init(x: x, y: y, maxX: x + width, maxY: y + height)
    }

    /// The box whose corners are exactly `corners`, in any order: four points, two distinct x values and two
    /// distinct y values, each combination once. Nil for anything else (a rotated or degenerate rectangle).
    public init?(corners: [PlanePoint]) {
        guard corners.count == 4, let minX = corners.map(\.x).min(), let maxX = corners.map(\.x).max(),
              let minY = corners.map(\.y).min(), let maxY = corners.map(\.y).max(), minX < maxX, minY < maxY else {
            return nil
        }
        let expected = [PlanePoint(x: minX, y: minY), PlanePoint(x: maxX, y: minY),
                        PlanePoint(x: maxX, y: maxY), PlanePoint(x: minX, y: maxY)]
        guard expected.allSatisfy(corners.contains) else { return nil }
        self.init(x: minX, y: minY, maxX: maxX, maxY: maxY)
    }

    /// `maxX - x`.
    public var width: Double { maxX - x }
    /// `maxY - y`.
    public var height: Double { maxY - y }

    /// The four corners, open (the first not repeated), in the order QuPath and ASAP write a rectangle: top-left,
    /// top-right, bottom-right, bottom-left.
    public var corners: [PlanePoint] {
        [PlanePoint(x: x, y: y), PlanePoint(x: maxX, y: y), PlanePoint(x: maxX, y: maxY), PlanePoint(x: x, y: maxY)]
    }

    /// The box as a one-ring polygon region.
    public var region: PolygonRegion { PolygonRegion(rings: [corners]) }
}
