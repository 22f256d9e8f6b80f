import Geometry

/// One point a reader placed, with its class, in level-0 pixels (x right, y down).
public struct ClassedPoint: Sendable, Equatable {
    /// The class the reader gave the point, as the study names it.
    public var className: String
    /// Where the point lies.
    public var point: PlanePoint

    /// The point `point` of class `className`.
    public init(className: String, point: PlanePoint) {
        self.className = className
        self.point = point
    }
}
