/// A share of each reader's items shown to them a second time, turned or flipped, to measure how consistent each
/// reader is with themselves.
public struct HiddenRepeats<Transform: Hashable & Sendable>: Sendable {
    /// In (0, 1]: a reader with n items gets ⌈share·n⌉ repeats.
    public let share: Double
    /// Drawn uniformly for each repeat; must not be empty.
    public let transforms: [Transform]

    public init(share: Double, transforms: [Transform]) {
        precondition(share > 0 && share <= 1, "a repeat share must lie in (0, 1], got \(share)")
        precondition(!transforms.isEmpty, "hidden repeats need at least one transform")
        self.share = share
        self.transforms = transforms
    }

    func count(of itemCount: Int) -> Int {
        itemCount == 0 ? 0 : min(itemCount, Int((share * Double(itemCount)).rounded(.up)))
    }
}
