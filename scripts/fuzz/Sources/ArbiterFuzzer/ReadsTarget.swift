import Challenge
import Evaluation
import Scoring

/// `reads`: a reader study's reads CSV (`ReadsParser`: integer, nominal and class labels, a small budget), then every
/// agreement statistic and a short seeded bootstrap on what it accepts. **Cross-check**: the study holds exactly one
/// read per accepted data row.
let readsTarget = FuzzTarget(name: "reads", covers: "ReadsParser (item_id,reader,label), then Scoring/Agreement") { input in
    let bytes = [UInt8](input)
    _ = try? ReadsParser(limits: ReadsLimits(maxBytes: 8192, maxLines: 200, maxCategories: 16)).parse(bytes, file: "reads.csv")
    _ = try? ReadsParser(classes: ReadsFuzzing.classes).parse(bytes, file: "reads.csv")
    guard let parsed = try? ReadsParser().parse(bytes, file: "reads.csv") else { return }
    let rows = ((try? CSVReader.parse(bytes))?.rows ?? []).count
    if parsed.reads.readCount != rows { crossCheckFailed("\(parsed.reads.readCount) reads from \(rows) rows") }
    ReadsFuzzing.exercise(parsed.reads)
}

enum ReadsFuzzing {
    static let classes = ["0", "1", "2", "3"].map { ClassSpec(id: $0, name: "grade \($0)") }

    /// Every statistic on the study, and a bootstrap of 3 resamples; only a crash is a finding.
    static func exercise(_ reads: AgreementReads) {
        var statistics: [AgreementStatistic] = [.fleissKappa, .percentAgreement]
        statistics += MeasurementLevel.allCases.map { .krippendorffAlpha($0) }
        if reads.readerCount >= 2 {
            statistics += [KappaWeights.unweighted, .linear, .quadratic].map { .cohenKappa(readerA: 0, readerB: 1, weights: $0) }
        }
        _ = try? AgreementBootstrap.intervals(reads, statistics: statistics, plan: .seeded(seed: 1, resamples: 3))
    }
}
