/// Correction of p-values for testing many pairs at once.
public enum PValueAdjustment: String, Sendable, Codable, CaseIterable {
    /// Raw p-values (challengeR's default for test-then-rank).
    case none
    /// Holm's step-down adjustment over all the tests of the family (`HolmAdjustment`).
    case holm
}
