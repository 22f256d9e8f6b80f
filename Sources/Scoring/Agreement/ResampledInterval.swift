/// A statistic on all items with its percentile bootstrap interval over resamples of the items.
public struct ResampledInterval<Statistic: Sendable & Equatable>: Sendable, Equatable {
    /// The statistic.
    public let statistic: Statistic
    /// The statistic on all items; NaN when undefined.
    public let estimate: Double
    /// The lower end: the (1 − confidence) / 2 percentile of the defined resample values (numpy's linear method,
    /// see `Percentile`); NaN when no resample has a defined value.
    public let lower: Double
    /// The upper end: the (1 + confidence) / 2 percentile of the defined resample values; NaN when none is defined.
    public let upper: Double
    /// The confidence level, such as 0.95.
    public let confidence: Double
    /// `resampledValues[b]`: the statistic on resample b (NaN where undefined, as when a resample has no item read
    /// twice); undefined values are left out of the percentiles.
    public let resampledValues: [Double]

    /// The number of resamples on which the statistic is undefined.
    public var undefinedResampleCount: Int { resampledValues.count { $0.isNaN } }
}

/// A label agreement statistic (kappa, alpha, percent agreement) with its bootstrap interval.
public typealias AgreementInterval = ResampledInterval<AgreementStatistic>

/// A shape agreement statistic (polygon Dice, point F1) with its bootstrap interval.
public typealias ShapeAgreementInterval = ResampledInterval<ShapeStatistic>
