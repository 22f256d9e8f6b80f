/// Which cases each bootstrap resample uses.
public enum BootstrapPlan: Sendable, Equatable {
    /// `resamples` resamples of `caseCount` cases drawn with replacement. Resample b draws its case
    /// indices with `SplitMix64(seed: SplitMix64.output(seed: seed, index: b)).next(below: caseCount)`, so
    /// every resample is fixed by the seed and its index, whatever the number of threads.
    case seeded(seed: UInt64, resamples: Int = Bootstrap.defaultResampleCount)
    /// Exactly these case-index vectors, one per resample (any non-empty length, repeats allowed).
    case explicit([[Int]])

    /// The number of resamples.
    public var resampleCount: Int {
        switch self {
        case .seeded(_, let resamples): resamples
        case .explicit(let plan): plan.count
        }
    }

    /// The recorded seed; nil for an explicit plan.
    public var seed: UInt64? {
        if case .seeded(let seed, _) = self { return seed }
        return nil
    }

    /// The case indices of resample `resample`.
    public func caseIndices(resample: Int, caseCount: Int) -> [Int] {
        switch self {
        case .explicit(let plan):
            return plan[resample]
        case .seeded(let seed, _):
            var generator = SplitMix64(seed: SplitMix64.output(seed: seed, index: UInt64(resample)))
            return (0..<caseCount).map { _ in generator.next(below: caseCount) }
        }
    }

    /// Throws unless every resample is non-empty and inside `0..<caseCount`.
    func validate(caseCount: Int) throws(RankingError) {
        guard resampleCount > 0 else { throw .noResamples(resampleCount) }
        guard case .explicit(let plan) = self else { return }
        for (resample, cases) in plan.enumerated() {
            guard !cases.isEmpty else { throw .emptyResample(resample: resample) }
            if let position = cases.firstIndex(where: { !(0..<caseCount).contains($0) }) {
                throw .caseIndexOutOfRange(resample: resample, position: position, index: cases[position], caseCount: caseCount)
            }
        }
    }
}
