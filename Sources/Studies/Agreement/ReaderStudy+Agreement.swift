import Challenge
import Scoring
import Store

extension ReaderStudy {
    /// Label agreement over the latest plain reads, the classes in the study's order (ordered: they are the challenge's
    /// grades or the study's own list, in the order given).
    /// `reads`: the latest plain reads to use (nil: read them now), so a caller can give several results one snapshot.
    public func labelAgreement(
        weights: KappaWeights = .unweighted, weightsName: String = "none", plan: BootstrapPlan? = nil, reads: [StudyRead]? = nil
    ) throws -> AgreementReport {
        try AgreementReport(try labelTable(reads), ordered: true, weights: weights, weightsName: weightsName, plan: plan)
    }

    /// The latest plain labels (`snapshot`, or read now) as an agreement table.
    func labelTable(_ snapshot: [StudyRead]? = nil) throws -> AgreementReads {
        guard let classes = spec.questions.label?.names else { throw StudyError.noLabelQuestion(study: study.name) }
        let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        let reads = try (snapshot ?? latestPlainReads()).compactMap { read in
            read.label.flatMap { index[$0] }.map { ReaderRead(item: read.itemID, reader: read.reader, label: $0) }
        }
        return try AgreementReads(categories: classes, reads: reads)
    }

    /// Each reader's agreement with themselves: their latest plain label of an item against their latest label of its
    /// hidden repeat, over the items where they gave both.
    public func selfConsistency() throws -> [ReaderConsistency] {
        let latest = try store.latestReads(study)
        let plain = Dictionary(latest.filter { !$0.isRepeat }.map { ("\($0.reader)\u{0}\($0.itemID)", $0.label) }, uniquingKeysWith: { a, _ in a })
        let pairs = latest.filter(\.isRepeat).compactMap { again -> (String, Bool)? in
            guard let first = plain["\(again.reader)\u{0}\(again.itemID)"] ?? nil, let second = again.label else { return nil }
            return (again.reader, first == second)
        }
        return Dictionary(grouping: pairs, by: \.0).map { reader, outcomes in
            ReaderConsistency(reader: reader, items: outcomes.count, agreeing: outcomes.count { $0.1 })
        }.sorted { $0.reader < $1.reader }
    }
}
