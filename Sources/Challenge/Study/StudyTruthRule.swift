/// How the readers' reads become ground truth.
public struct StudyTruthRule: Sendable, Equatable, Codable {
    public let consensus: ConsensusMethod
    /// The fewest reads an item needs before its consensus counts as truth.
    public let minimumReads: Int

    public init(consensus: ConsensusMethod, minimumReads: Int) {
        self.consensus = consensus
        self.minimumReads = minimumReads
    }
}
