import Foundation

/// One row of the table `scripts/bench/all` writes, printed as a line of its own so the script can collect every
/// benchmark's outcome without reading its prose:
/// `result: benchmark | Arbiter | reference | ratio | target | met`.
/// A ratio says how many times faster Arbiter is than the reference (above 1 is faster) unless its text says otherwise.
struct BenchmarkResult {
    let benchmark: String
    let arbiter: String
    var reference = "-"
    var ratio = "-"
    var target = "-"
    /// Whether the target was met; nil when the row has no target.
    var met: Bool?

    func print() {
        let verdict = met.map { $0 ? "yes" : "no" } ?? "-"
        Swift.print(["result: " + benchmark, arbiter, reference, ratio, target, verdict].joined(separator: " | "))
    }

    /// `value` with `digits` decimals and a unit, as every row writes its numbers.
    static func number(_ value: Double, _ digits: Int, _ unit: String = "") -> String {
        String(format: "%.\(digits)f", value) + (unit.isEmpty ? "" : " " + unit)
    }

    /// How many times faster the side that took `ours` seconds is than the side that took `theirs`.
    static func speedup(theirs: Double, ours: Double) -> String { number(theirs / ours, 2) + "x faster" }
}
