/// How far two readers' shapes on one item agree: the shared part against the two sizes, as Dice or F1.
///
/// For masks the counts are cells (set in A, set in B, set in both); for points they are points (A's, B's, and
/// the pairs matched one to one). Either way the value is 2·shared / (countA + countB).
public struct OverlapCounts: Sendable, Equatable {
    /// Reader A, an index into `ShapeReads.readerIDs` (always before reader B).
    public let readerA: Int
    /// Reader B, an index into `ShapeReads.readerIDs`.
    public let readerB: Int
    /// Cells set in both masks, or points matched.
    public let shared: Int
    /// Cells set, or points placed, by reader A.
    public let countA: Int
    /// Cells set, or points placed, by reader B.
    public let countB: Int

    /// The counts of one pair of readers.
    public init(readerA: Int, readerB: Int, shared: Int, countA: Int, countB: Int) {
        self.readerA = readerA
        self.readerB = readerB
        self.shared = shared
        self.countA = countA
        self.countB = countB
    }

    /// Dice (masks) or F1 (points): 2·shared / (countA + countB), and 1 when both readers found nothing.
    ///
    /// Both empty is a perfect agreement, as Metrics Reloaded's `BinaryPairwiseMeasures.fbeta` (which its
    /// `dice_score` calls) returns 1 when there is neither a false positive nor a false negative and the
    /// precision and recall are undefined; `SegmentationMeasures` follows the same rule.
    public var value: Double {
        countA + countB == 0 ? 1 : 2 * Double(shared) / Double(countA + countB)
    }
}
