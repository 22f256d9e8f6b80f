/// An `AgreementStatistic` checked against a study, evaluated on any multiset of its items.
enum PreparedStatistic: Sendable {
    case cohenKappa(readerA: Int, readerB: Int, weights: [Double])
    case fleissKappa
    case krippendorffAlpha(MeasurementLevel)
    case percentAgreement

    /// The statistic on the items whose patterns occur `multiplicities` times.
    func value(_ patterns: ReadingPatterns, multiplicities: [Int]) -> Double {
        switch self {
        case .cohenKappa(let a, let b, let weights):
            CohenKappa.value(patterns, multiplicities: multiplicities, readerA: a, readerB: b, weights: weights)
        case .fleissKappa: FleissKappa(patterns, multiplicities: multiplicities).value
        case .krippendorffAlpha(let level): KrippendorffAlpha.value(patterns, multiplicities: multiplicities, level: level)
        case .percentAgreement: PercentAgreement.value(patterns, multiplicities: multiplicities)
        }
    }
}
