/// How items are handed to readers. Under both, no reader ever sees another reader's reads.
public enum AssignmentMethod: String, Sendable, Codable, CaseIterable {
    /// Balanced: every item is read by `reads-per-item` distinct readers, the load spread evenly.
    case blinded
    /// Two distinct readers read each item, and a third only where the two disagree (so `reads-per-item` is 3).
    case adaptive

    /// The fewest reads every item gets once the study is done.
    public func leastReads(readsPerItem: Int) -> Int {
        switch self {
        case .blinded: readsPerItem
        case .adaptive: 2
        }
    }
}
