/// SplitMix64 (Steele, Lea & Flood 2014): a small, fast generator whose output depends only on its
/// seed, on every platform and Swift version, so a bootstrap can be replayed from the seed it records.
public struct SplitMix64: RandomNumberGenerator, Sendable, Equatable {
    /// The current state; the next output is a mix of `state + 0x9E3779B97F4A7C15`.
    public private(set) var state: UInt64

    /// A generator whose first output is `SplitMix64.output(seed: seed, index: 0)`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= Self.increment
        return Self.mix(state)
    }

    /// A uniform integer in `0..<bound` by Lemire's unbiased multiply-shift method (bound > 0).
    /// Pinned here rather than using the standard library's `next(upperBound:)`, whose algorithm may change.
    public mutating func next(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive, got \(bound)")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    /// The output number `index` (from 0) of `SplitMix64(seed: seed)`, without generating the ones before.
    public static func output(seed: UInt64, index: UInt64) -> UInt64 {
        mix(seed &+ (index &+ 1) &* increment)
    }

    private static let increment: UInt64 = 0x9E37_79B9_7F4A_7C15

    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
