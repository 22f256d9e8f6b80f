/// One agreement statistic of a reader study, named so a bootstrap can compute several on the same resamples.
public enum AgreementStatistic: Sendable, Equatable {
    /// Cohen's kappa between two readers (indices into `AgreementReads.readerIDs`), on the items both read.
    case cohenKappa(readerA: Int, readerB: Int, weights: KappaWeights)
    /// Fleiss' kappa on the items with the most common number of reads (see `FleissKappa`).
    case fleissKappa
    /// Krippendorff's alpha at a level of measurement, on the items read at least twice.
    case krippendorffAlpha(MeasurementLevel)
    /// The mean share of agreeing pairs of reads per item, on the items read at least twice.
    case percentAgreement

    /// The statistic on every item of `reads`; NaN where the statistic is undefined (each type says when).
    /// Throws for a reader index outside the study, the same reader twice, or an unusable weight matrix.
    public func value(_ reads: AgreementReads) throws(AgreementError) -> Double {
        let patterns = ReadingPatterns(reads)
        return try prepared(for: reads).value(patterns, multiplicities: patterns.allItems)
    }

    /// The statistic checked against `reads`, with its weights resolved.
    func prepared(for reads: AgreementReads) throws(AgreementError) -> PreparedStatistic {
        switch self {
        case .cohenKappa(let a, let b, let weights):
            for reader in [a, b] where !(0..<reads.readerCount).contains(reader) {
                throw .readerOutOfRange(reader: reader, readerCount: reads.readerCount)
            }
            guard a != b else { throw .sameReader(a) }
            return .cohenKappa(readerA: a, readerB: b, weights: try weights.matrix(categoryCount: reads.categoryCount))
        case .fleissKappa: return .fleissKappa
        case .krippendorffAlpha(let level): return .krippendorffAlpha(level)
        case .percentAgreement: return .percentAgreement
        }
    }
}
