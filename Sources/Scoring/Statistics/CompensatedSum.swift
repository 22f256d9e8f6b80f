/// A running sum with Knuth's two-sum error term carried along, so the total is (almost always)
/// the correctly rounded sum and therefore independent of the order of the terms: two teams with the
/// same per-case values in a different case order get the same mean, and tie.
struct CompensatedSum {
    private var sum = 0.0
    private var compensation = 0.0

    mutating func add(_ value: Double) {
        let total = sum + value
        let valuePart = total - sum
        compensation += (sum - (total - valuePart)) + (value - valuePart)
        sum = total
    }

    var value: Double { sum + compensation }
}
