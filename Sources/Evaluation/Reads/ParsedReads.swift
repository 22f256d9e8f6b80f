import Scoring

/// The reads of a reads file and whether their categories have an order.
public struct ParsedReads: Sendable, Equatable {
    /// The study's table of reads; its categories are the classes, the integer range or the sorted labels.
    public let reads: AgreementReads
    /// Whether the categories are ordered (classes from a spec, or integer labels), so ordinal statistics and
    /// linear or quadratic weights mean something.
    public let ordered: Bool
}
