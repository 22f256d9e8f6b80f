/// Holm's step-down adjustment of p-values for multiple testing, exactly as statsmodels'
/// `multipletests(pvals, method="holm")[1]`: sort ascending, multiply the k-th smallest (k from 0) by
/// m − k, take the running maximum, cap at 1, and return in the input order.
///
/// NaN p-values are accepted the statsmodels way: they sort last, still count in m, and stay NaN.
/// (R's `p.adjust` instead drops them from m, which gives smaller adjusted values.)
public enum HolmAdjustment {
    /// The adjusted p-values, index for index; monotone in the raw p-values and never above 1.
    public static func adjust(_ pValues: [Double]) throws(StatisticsError) -> [Double] {
        if let index = pValues.firstIndex(where: { $0 < 0 || $0 > 1 }) {
            throw .pValueOutOfRange(index: index, value: pValues[index])
        }
        return adjustValidated(pValues)
    }

    /// `adjust` without the range check, for p-values this module computed itself.
    static func adjustValidated(_ pValues: [Double]) -> [Double] {
        let order = pValues.indices.sorted { isBefore(pValues[$0], pValues[$1]) }
        var adjusted = [Double](repeating: .nan, count: pValues.count)
        var runningMaximum = -Double.infinity
        for (position, index) in order.enumerated() {
            let scaled = pValues[index] * Double(pValues.count - position)
            runningMaximum = scaled.isNaN || runningMaximum.isNaN ? .nan : Swift.max(runningMaximum, scaled)
            adjusted[index] = runningMaximum > 1 ? 1 : runningMaximum
        }
        return adjusted
    }

    /// Ascending order with NaN last, like numpy's `argsort`.
    private static func isBefore(_ first: Double, _ second: Double) -> Bool {
        if first.isNaN { return false }
        return second.isNaN || first < second
    }
}
