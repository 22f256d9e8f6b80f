import Foundation

/// The standard normal distribution, evaluated the way SciPy's `scipy.special.ndtr` (Cephes) does:
/// `erf` near the centre and `erfc` in the tails, so small tail probabilities keep their relative accuracy.
public enum NormalDistribution {
    /// Φ(x) = P(Z ≤ x); NaN for NaN.
    public static func cdf(_ x: Double) -> Double {
        let scaled = x * squareRootOfOneHalf
        if scaled.isNaN { return .nan }
        if abs(scaled) < squareRootOfOneHalf {
            return 0.5 + 0.5 * erf(scaled)
        }
        let tail = 0.5 * erfc(abs(scaled))
        return scaled > 0 ? 1 - tail : tail
    }

    /// P(Z > x) = Φ(−x), SciPy's `ndtr(-x)`, accurate far into the upper tail.
    public static func survival(_ x: Double) -> Double {
        cdf(-x)
    }

    /// √½, Cephes' `NPY_SQRT1_2`.
    static let squareRootOfOneHalf = 0.70710678118654752440
}
