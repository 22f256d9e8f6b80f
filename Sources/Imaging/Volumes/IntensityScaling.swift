/// A linear map from stored values to real values: `stored * slope + intercept`.
///
/// Applied as nibabel applies NIfTI's `scl_slope`/`scl_inter`: a step whose factor is the identity
/// (slope 1, intercept 0) is skipped, and the two steps are separate roundings (never fused),
/// so the Float64 results are bit-identical to `img.get_fdata()`.
public struct IntensityScaling: Sendable, Equatable, Codable {
    public var slope: Double
    public var intercept: Double

    public static let identity = IntensityScaling(slope: 1, intercept: 0)

    public init(slope: Double, intercept: Double) {
        self.slope = slope
        self.intercept = intercept
    }

    public var isIdentity: Bool { slope == 1 && intercept == 0 }

    @inline(__always)
    func apply(_ value: Double) -> Double {
        var scaled = value
        if slope != 1 { scaled *= slope }
        if intercept != 0 { scaled += intercept }
        return scaled
    }
}
