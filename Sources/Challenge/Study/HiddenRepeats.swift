/// A share of items shown to the same reader again, transformed, to measure each reader's consistency with themselves.
public struct HiddenRepeats: Sendable, Equatable, Codable {
    /// The fraction of items repeated, in (0, 0.5].
    public let share: Double
    /// The transforms a repeat is shown under, one drawn per repeat.
    public let transforms: [RepeatTransform]
    /// Seeds the choice of repeated items and their transforms, so a study is reproducible.
    public let seed: Int

    public init(share: Double, transforms: [RepeatTransform], seed: Int) {
        self.share = share
        self.transforms = transforms
        self.seed = seed
    }
}
