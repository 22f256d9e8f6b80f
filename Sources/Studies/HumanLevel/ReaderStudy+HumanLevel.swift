import Challenge
import Scoring
import Store

extension ReaderStudy {
    /// Each reader scored against the others' majority with `challenge`'s primary metric, over the latest plain labels
    /// of the items in `cases` (nil: every item). Not applicable when the study's label question is not
    /// `classes: challenge`.
    public func humanLevel(challenge: ChallengeSpec, cases: Set<String>?) throws -> HumanLevel {
        guard let label = spec.questions.label, label.fromChallenge, label.names == challenge.task.classes.map(\.id) else {
            return HumanLevel(metric: challenge.primaryColumn.key, readers: [], notApplicable:
                "study \(study.name) does not ask for one of the challenge's classes (`classes: challenge`)")
        }
        return HumanLevel(reads: try labelTable(), challenge: challenge, cases: cases)
    }

    /// The name public pages give `reader`: "Reader n", n its place in the spec's reader list (1-based).
    public func anonymousName(of reader: String) -> String {
        spec.readers.firstIndex(of: reader).map { "Reader \($0 + 1)" } ?? "Reader"
    }

    /// `labelAgreement()` with every reader under their anonymous name, for reports.
    public func anonymisedLabelAgreement() throws -> AgreementReport {
        let table = try labelTable()
        var reads: [ReaderRead] = []
        for item in table.itemIDs.indices {
            for reader in table.readerIDs.indices {
                guard let label = table.label(item: item, reader: reader) else { continue }
                reads.append(ReaderRead(item: table.itemIDs[item], reader: anonymousName(of: table.readerIDs[reader]), label: label))
            }
        }
        let anonymous = try AgreementReads(categories: table.categories, reads: reads)
        return try AgreementReport(anonymous, ordered: true, weights: .unweighted, weightsName: "none", plan: nil)
    }
}
