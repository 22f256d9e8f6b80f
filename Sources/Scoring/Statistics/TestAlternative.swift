/// The alternative hypothesis of a paired test on the differences `x - y`.
public enum TestAlternative: String, Sendable, Codable, CaseIterable {
    /// The differences tend to be negative (`x` smaller than `y`).
    case less
    /// The differences tend to be positive (`x` larger than `y`).
    case greater
    /// The differences are not centred on zero.
    case twoSided = "two-sided"
}
