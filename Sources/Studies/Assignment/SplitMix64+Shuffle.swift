import Scoring

extension SplitMix64 {
    /// `elements` in a uniformly random order (Fisher–Yates over `next(below:)`), the same for a seed on every platform
    /// and Swift version, unlike the standard library's `shuffled(using:)`, whose algorithm is not pinned.
    mutating func shuffled<Element>(_ elements: [Element]) -> [Element] {
        var result = elements
        for index in stride(from: result.count - 1, to: 0, by: -1) {
            result.swapAt(index, next(below: index + 1))
        }
        return result
    }
}
