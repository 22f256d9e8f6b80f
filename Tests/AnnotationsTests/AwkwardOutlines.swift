import Geometry

/// Outlines whose coordinates are hard to write exactly. Rings are closed, as GeoJSON and WKT store them.
enum AwkwardOutlines {
    /// Negative, fractional without a short decimal form, large, tiny, integral at and past 2^53, a negative zero,
    /// and CAMELYON-like float32 values.
    static let ring: [PlanePoint] = closed([
        PlanePoint(x: -1.5, y: 0.1),
        PlanePoint(x: 1.0 / 3.0, y: -2.0 / 3.0),
        PlanePoint(x: 123_456_789.0625, y: 98_765.4321),
        PlanePoint(x: 1e20, y: -1e-7),
        PlanePoint(x: .leastNonzeroMagnitude, y: 0x1p53 + 2),
        PlanePoint(x: -0.0, y: -4_503_599_627_370_497),
        PlanePoint(x: 88_778.1016, y: 12_711.2998),
    ])

    /// Values whose shortest text needs all 17 significant digits.
    static let fullPrecisionRing: [PlanePoint] = closed([
        PlanePoint(x: 1e15 + 0.5, y: 12_345.678901234567),
        PlanePoint(x: 0.1 + 0.2, y: 0x1p51 + 0.5),
        PlanePoint(x: -2_345.678901234567, y: 7),
    ])

    static let hole: [PlanePoint] = closed([PlanePoint(x: 10, y: 10), PlanePoint(x: 20, y: 10.25), PlanePoint(x: 15, y: -20)])

    static func square(at x: Double, _ y: Double, side: Double = 10) -> [PlanePoint] {
        closed([PlanePoint(x: x, y: y), PlanePoint(x: x + side, y: y), PlanePoint(x: x + side, y: y + side), PlanePoint(x: x, y: y + side)])
    }

    static func closed(_ ring: [PlanePoint]) -> [PlanePoint] {
        ring + [ring[0]]
    }
}
