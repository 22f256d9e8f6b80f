@testable import Scoring
import Testing
import TestSupport

@Suite struct RadixSortTests {
    static func values(seed: UInt64, count: Int) -> [Double] {
        var random = SplitMix64(seed: seed)
        let specials: [Double] = [0, -0.0, 1, -1, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .greatestFiniteMagnitude, 0.5, 0.5]
        return (0..<count).map { index in
            index < specials.count ? specials[index] : (random.unit() - 0.3) * pow10(Int(random.next() % 12) - 6)
        }
    }

    static func pow10(_ exponent: Int) -> Double { exponent >= 0 ? (0..<exponent).reduce(1) { value, _ in value * 10 } : 1 / pow10(-exponent) }

    @Test(arguments: [0, 1, 2, 9, 1000, 12_345])
    func doublesComeOutInTheOrderOfAComparisonSort(count: Int) {
        let values = Self.values(seed: UInt64(count), count: count)
        #expect(RadixSort.ascending(values).map(\.bitPattern) == values.sorted { $0 < $1 || ($0 == $1 && $0.sign == .minus && $1.sign == .plus) }.map(\.bitPattern))
    }

    @Test func floatsComeOutInTheOrderOfAComparisonSort() {
        let values = Self.values(seed: 3, count: 5000).map { Float($0) }
        #expect(RadixSort.ascending(values).map(\.bitPattern) == values.sorted { $0 < $1 || ($0 == $1 && $0.sign == .minus && $1.sign == .plus) }.map(\.bitPattern))
    }
}
