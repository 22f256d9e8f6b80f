/// How several reads of an item are combined.
public enum ConsensusMethod: String, Sendable, Codable, CaseIterable {
    /// The most frequent label; ties go to an adjudicator.
    case majority
    /// STAPLE over the readers' masks (shapes rasterised), as SimpleITK's `STAPLEImageFilter`.
    case staple
}
