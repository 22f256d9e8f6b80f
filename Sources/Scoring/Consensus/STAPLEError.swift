/// Masks or settings STAPLE cannot use, each with the offending sizes or value.
public enum STAPLEError: Error, Sendable, Equatable, CustomStringConvertible {
    /// STAPLE needs at least one reader's mask.
    case noMasks
    /// A grid with a zero or negative side.
    case invalidSize(width: Int, height: Int, depth: Int)
    /// width × height × depth × readers does not fit in an `Int`.
    case sizeOverflow(width: Int, height: Int, depth: Int, readers: Int)
    /// More pixel reads (pixels × readers) than the budget allows; checked before anything is allocated.
    case budgetExceeded(pixels: Int, readers: Int, limit: Int)
    /// A mask whose length is not width × height × depth.
    case maskSizeMismatch(reader: Int, count: Int, expected: Int)
    /// A confidence weight that is NaN, infinite or negative.
    case invalidConfidenceWeight(Double)
    /// A negative iteration limit.
    case invalidMaximumIterations(Int)

    /// The problem in a sentence, with the offending value.
    public var description: String {
        switch self {
        case .noMasks: "STAPLE needs at least one reader's mask, got none"
        case .invalidSize(let width, let height, let depth):
            "the mask grid must have positive sides, got \(width) × \(height) × \(depth)"
        case .sizeOverflow(let width, let height, let depth, let readers):
            "\(width) × \(height) × \(depth) pixels × \(readers) readers overflows"
        case .budgetExceeded(let pixels, let readers, let limit):
            "\(pixels) pixels × \(readers) readers = \(pixels.multipliedReportingOverflow(by: readers).partialValue) pixel reads, over the budget of \(limit)"
        case .maskSizeMismatch(let reader, let count, let expected):
            "reader \(reader)'s mask has \(count) pixels, expected \(expected) (width × height × depth)"
        case .invalidConfidenceWeight(let value): "the confidence weight must be a finite number ≥ 0, got \(value)"
        case .invalidMaximumIterations(let value): "the maximum number of iterations must be ≥ 0, got \(value)"
        }
    }
}
